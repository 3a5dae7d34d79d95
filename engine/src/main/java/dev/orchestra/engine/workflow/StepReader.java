package dev.orchestra.engine.workflow;

import dev.orchestra.engine.plan.Step;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads one step of a workflow, recording the line of each key and list item. */
final class StepReader {
    private final YamlSource yaml;
    private final Map<String, NodeTuple> entries;

    private StepReader(YamlSource yaml, Map<String, NodeTuple> entries) {
        this.yaml = yaml;
        this.entries = entries;
    }

    static Step read(MappingNode node, YamlSource yaml, Map<String, Integer> lines) {
        Map<String, NodeTuple> entries = yaml.entries(node, "a step");
        StepReader reader = new StepReader(yaml, entries);
        String id = reader.text("id");
        WorkflowKeys.check(entries, WorkflowKeys.STEP,
                id == null ? "the step at line " + yaml.line(node) : "step '" + id + "'", yaml);
        lines.put("", yaml.line(node));
        entries.forEach((key, tuple) -> lines.put(key, yaml.line(tuple.getKeyNode())));
        reader.itemLines("scope", lines);
        reader.itemLines("needs", lines);
        reader.itemLines("env", lines);
        return new Step(id, reader.text("agent"), reader.text("instructions"), reader.texts("scope"),
                reader.texts("needs"), reader.with(), reader.text("acceptance"), reader.texts("env"));
    }

    private String text(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : yaml.text(tuple.getValueNode(), key);
    }

    private List<String> texts(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? List.of() : yaml.texts(tuple.getValueNode(), key);
    }

    private void itemLines(String key, Map<String, Integer> lines) {
        NodeTuple tuple = entries.get(key);
        if (tuple != null && tuple.getValueNode() instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                lines.put(key + "." + i, yaml.line(sequence.getValue().get(i)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> with() {
        NodeTuple tuple = entries.get("with");
        if (tuple == null) {
            return Map.of();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return Map.of();
        }
        if (!(value instanceof MappingNode mapping)) {
            throw yaml.error(value, "'with' must be a mapping of the agent's parameters, not "
                    + YamlSource.kind(value));
        }
        Map<String, Object> parameters = (Map<String, Object>) yaml.plain(mapping);
        for (NodeTuple parameter : mapping.getValue()) {
            Node parameterValue = parameter.getValueNode();
            if (parameterValue instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
                throw yaml.error(parameter.getKeyNode(), "'with' parameter '"
                        + ((ScalarNode) parameter.getKeyNode()).getValue() + "' has no value; give one or remove it");
            }
        }
        return parameters;
    }
}
