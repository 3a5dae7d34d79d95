package dev.orchestra.engine.state;

/**
 * How a phase (or a part of one) ended: go on, move to the next phase, wait for a human or the validation hook, or
 * stop. Phases return it; only the {@link Orchestrator} applies it to the run ({@link RunState#apply}), so a run's
 * status changes in one place.
 *
 * @param kind what happens next
 * @param next the phase to move to ({@link Kind#ADVANCE} only)
 * @param waitingFor the gate or validation kind the run waits for ({@code WAIT_*} only)
 * @param failure why the run stops (stopping kinds only)
 * @param failedStep the step that made it stop, when one did
 */
public record PhaseOutcome(Kind kind, Phase next, String waitingFor, String failure, String failedStep) {
    /** What happens next. */
    public enum Kind {
        /** Nothing stops the phase: it goes on (a gate passed, a validation was recorded). */
        GO,
        ADVANCE,
        WAIT_GATE,
        WAIT_VALIDATION,
        DONE,
        FAIL,
        REJECT,
        ESCALATE,
        BUDGET_EXHAUSTED
    }

    private static final PhaseOutcome GO_ON = new PhaseOutcome(Kind.GO, null, null, null, null);

    public static PhaseOutcome go() {
        return GO_ON;
    }

    public static PhaseOutcome advance(Phase next) {
        return new PhaseOutcome(Kind.ADVANCE, next, null, null, null);
    }

    public static PhaseOutcome waitAtGate(String gate) {
        return new PhaseOutcome(Kind.WAIT_GATE, null, gate, null, null);
    }

    public static PhaseOutcome waitForValidation(String kind) {
        return new PhaseOutcome(Kind.WAIT_VALIDATION, null, kind, null, null);
    }

    public static PhaseOutcome done() {
        return new PhaseOutcome(Kind.DONE, null, null, null, null);
    }

    public static PhaseOutcome fail(String why) {
        return fail(why, null);
    }

    public static PhaseOutcome fail(String why, String step) {
        return new PhaseOutcome(Kind.FAIL, null, null, why, step);
    }

    public static PhaseOutcome reject(String why) {
        return new PhaseOutcome(Kind.REJECT, null, null, why, null);
    }

    public static PhaseOutcome escalate(String why) {
        return escalate(why, null);
    }

    public static PhaseOutcome escalate(String why, String step) {
        return new PhaseOutcome(Kind.ESCALATE, null, null, why, step);
    }

    public static PhaseOutcome budgetExhausted(String why, String step) {
        return new PhaseOutcome(Kind.BUDGET_EXHAUSTED, null, null, "budget exhausted: " + why, step);
    }

    /** True when the run cannot go on in this process: it waits or it stopped. */
    public boolean stops() {
        return kind != Kind.GO && kind != Kind.ADVANCE;
    }

    /** The run's status after this outcome. */
    public RunStatus status() {
        return switch (kind) {
            case GO, ADVANCE -> RunStatus.RUNNING;
            case WAIT_GATE -> RunStatus.WAITING_GATE;
            case WAIT_VALIDATION -> RunStatus.WAITING_VALIDATION;
            case DONE -> RunStatus.DONE;
            case FAIL -> RunStatus.FAILED;
            case REJECT -> RunStatus.REJECTED;
            case ESCALATE -> RunStatus.ESCALATED;
            case BUDGET_EXHAUSTED -> RunStatus.BUDGET_EXHAUSTED;
        };
    }
}
