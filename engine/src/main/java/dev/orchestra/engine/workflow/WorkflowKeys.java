package dev.orchestra.engine.workflow;

import dev.orchestra.engine.edit.EditDistance;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** The keys a workflow and its steps may use; anything else is a typo we refuse rather than ignore. */
final class WorkflowKeys {
    static final List<String> WORKFLOW = List.of("name", "description", "steps");
    static final List<String> STEP = List.of("id", "agent", "instructions", "scope", "needs", "with", "acceptance", "env");

    private WorkflowKeys() {}

    /** Fails on the first key not in {@code allowed}, suggesting the nearest allowed one. */
    static void check(Map<String, NodeTuple> entries, List<String> allowed, String where, YamlSource yaml) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (!allowed.contains(key)) {
                throw yaml.error(entry.getValue().getKeyNode(), "unknown key '" + key + "' in " + where
                        + suggestion(key, allowed) + "; allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    private static String suggestion(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = EditDistance.between(key.toLowerCase(), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
