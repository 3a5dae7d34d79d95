package dev.orchestra.engine.state;

/** Where a run stands, and the command line's exit code for it. */
public enum RunStatus {
    RUNNING(1),
    DONE(0),
    FAILED(1),
    REJECTED(1),
    BUDGET_EXHAUSTED(3),
    WAITING_GATE(10),
    WAITING_VALIDATION(11),
    ESCALATED(12);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Finished for good: Orchestra will do nothing more with this run, and its bundle is written. An escalated run is
     * finished too: it waits for a human outside Orchestra, and cannot be resumed.
     */
    public boolean finished() {
        return this != RUNNING && !waiting();
    }

    /** Waiting for a gate answer or the validation hook: {@code orchestra resume} continues it. */
    public boolean waiting() {
        return this == WAITING_GATE || this == WAITING_VALIDATION;
    }
}
