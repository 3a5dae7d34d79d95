package dev.orchestra.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads a state.json written before the run's configuration moved into {@code request}: a run that waits at a gate
 * while Orchestra is upgraded (a Jenkins pipeline between two stages) resumes as it stood.
 */
public final class LegacyState {
    /** The top-level fields of the old layout that are the request's now. */
    private static final List<String> REQUEST_FIELDS = List.of("runId", "task", "workflow", "validateCommand",
            "externalValidation", "junitGlobs", "gates", "leaveWorkingTree", "model", "modelFlags", "baseCommit", "jobs",
            "writeScope", "allowProtected", "passEnv", "budget");

    private LegacyState() {}

    /** {@code json} in today's layout: unchanged when it has a {@code request}, else moved field by field. */
    public static JsonNode upgrade(JsonNode json) {
        if (!(json instanceof ObjectNode old) || old.has("request") || !old.has("runId")) {
            return json;
        }
        ObjectNode state = old.deepCopy();
        ObjectNode request = state.putObject("request");
        for (String field : REQUEST_FIELDS) {
            if (old.has(field)) {
                request.set(field, old.get(field));
                state.remove(field);
            }
        }
        request.set("plan", old.get("plan"));
        request.put("stepTimeout", old.path("stepTimeoutSeconds").asLong(RunRequest.DEFAULT_STEP_TIMEOUT.toSeconds()));
        ObjectNode budget = request.path("budget") instanceof ObjectNode given ? given : request.putObject("budget");
        if (!budget.path("maxFixIterations").isNumber()) {
            budget.put("maxFixIterations", old.path("maxFixIterations").asInt(RunRequest.DEFAULT_MAX_FIX_ITERATIONS));
        }
        if (state.path("spent") instanceof ObjectNode spent) {
            spent.put("fixIterations", Math.max(spent.path("fixIterations").asInt(0), old.path("fixIterations").asInt(0)));
        }
        List.of("runBranch", "stepTimeoutSeconds", "maxFixIterations", "fixIterations").forEach(state::remove);
        return state;
    }
}
