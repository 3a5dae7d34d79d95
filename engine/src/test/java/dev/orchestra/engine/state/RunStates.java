package dev.orchestra.engine.state;

import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.plan.Plan;
import java.time.Instant;

/** Run states for tests of what reads them (bundle, metrics, status): made and moved the way the orchestrator does. */
public final class RunStates {
    private RunStates() {}

    /** A new run of an empty workflow on a made-up base, for tests that only fill in its steps and results. */
    public static RunState any() {
        return started("r1", "", "w", new Plan("w", "", java.util.List.of()), "0123456789012345678901234567890123456789",
                "main", "2025-03-04T10:00:00Z");
    }

    /** A new run of {@code request} as ingest records it, created at {@code createdAt}. */
    public static RunState started(RunRequest request, String baseBranch, String createdAt) {
        return new RunState(request, baseBranch, Instant.parse(createdAt));
    }

    /** A new run with this id, task, workflow plan and base commit; no human at any gate. */
    public static RunState started(String runId, String task, String workflow, Plan plan, String baseCommit,
                                   String baseBranch, String createdAt) {
        RunRequest request = RunRequest.builder().runId(runId).task(task).workflow(workflow, plan).baseCommit(baseCommit)
                .gates(java.util.Set.of()).build();
        return started(request, baseBranch, createdAt);
    }

    /** A run that ended with {@code status} (DONE, FAILED, REJECTED, ESCALATED, BUDGET_EXHAUSTED), for {@code why} (or null). */
    public static void end(RunState state, RunStatus status, String why) {
        PhaseOutcome.Kind kind = switch (status) {
            case DONE -> PhaseOutcome.Kind.DONE;
            case FAILED -> PhaseOutcome.Kind.FAIL;
            case REJECTED -> PhaseOutcome.Kind.REJECT;
            case ESCALATED -> PhaseOutcome.Kind.ESCALATE;
            case BUDGET_EXHAUSTED -> PhaseOutcome.Kind.BUDGET_EXHAUSTED;
            default -> throw new IllegalArgumentException(status + " is not an end");
        };
        state.apply(new PhaseOutcome(kind, null, null, why, null), Instant.now());
    }

    /** The same run with another request (a changed task, another run id), through its JSON like a resumed run. */
    public static RunState withRequest(RunState state, RunRequest request) {
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(state);
        json.set("request", Json.MAPPER.valueToTree(request));
        try {
            return Json.MAPPER.treeToValue(json, RunState.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds step records as the delegate phase leaves them (tests of what reads them set their fields). */
    public static void addSteps(RunState state, StepRecord... records) {
        state.steps.addAll(java.util.List.of(records));
    }

    /** Drops every step record, as for a run that never got to delegate. */
    public static void clearSteps(RunState state) {
        state.steps.clear();
    }

    /** Damages the state the way a hand-edited state.json could: no step list at all. */
    public static void loseSteps(RunState state) {
        state.steps = null;
    }

    /** A run that never validated after its changes. */
    public static void forgetValidation(RunState state) {
        state.validation = null;
    }

    /** Sets the planner's summary of the plan. */
    public static void planSummary(RunState state, String summary) {
        state.planSummary = summary;
    }

    /** A run waiting at {@code gate} since {@code since}. */
    public static void waitAt(RunState state, String gate, String since) {
        state.apply(PhaseOutcome.waitAtGate(gate), Instant.parse(since));
    }
}
