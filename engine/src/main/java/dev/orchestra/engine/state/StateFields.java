package dev.orchestra.engine.state;

import dev.orchestra.engine.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The fields of a {@link RunState} every phase relies on: a state.json with one of them null is refused by name. */
public final class StateFields {
    private static final Map<String, Function<RunState, Object>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("request", RunState::request);
        REQUIRED.put("request.runId", s -> s.request() == null ? "" : s.runId());
        REQUIRED.put("request.baseCommit", s -> s.request() == null ? "" : s.baseCommit());
        REQUIRED.put("branchHead", RunState::branchHead);
        REQUIRED.put("candidate", RunState::candidate);
        REQUIRED.put("phase", RunState::phase);
        REQUIRED.put("status", RunState::status);
        REQUIRED.put("steps", s -> s.steps);
        REQUIRED.put("decisions", s -> s.decisions);
        REQUIRED.put("spent", RunState::spent);
        REQUIRED.put("passedGates", s -> s.passedGates);
        REQUIRED.put("refusals", s -> s.refusals);
        REQUIRED.put("fixFingerprints", s -> s.fixFingerprints);
        REQUIRED.put("plannerUsage", s -> s.plannerUsage);
        REQUIRED.put("phaseMillis", s -> s.phaseMillis);
    }

    private StateFields() {}

    /** Refuses {@code state} when a required field, or one of a step's, is null (or a list holds null). */
    public static void requireComplete(RunState state, String file) {
        REQUIRED.forEach((name, field) -> require(field.apply(state), name, file));
        for (int i = 0; i < state.steps().size(); i++) {
            StepRecord step = state.steps().get(i);
            require(step, "steps[" + i + "]", file);
            require(step.id, "steps[" + i + "].id", file);
            require(step.agent, "steps[" + i + "].agent", file);
            require(step.status, "steps[" + i + "].status", file);
            require(step.files, "steps[" + i + "].files", file);
            require(step.notes, "steps[" + i + "].notes", file);
            require(step.usage, "steps[" + i + "].usage", file);
            require(step.summary, "steps[" + i + "].summary", file);
        }
        for (int i = 0; i < state.decisions().size(); i++) {
            require(state.decisions().get(i), "decisions[" + i + "]", file);
        }
    }

    private static void require(Object value, String name, String file) {
        if (value == null || value instanceof java.util.Collection<?> list && list.stream().anyMatch(Objects::isNull)) {
            throw new BadInputException(file + ": field '" + name + "' is " + (value == null ? "null" : "a list holding null")
                    + "; this run state is damaged, so Orchestra will not load it");
        }
    }
}
