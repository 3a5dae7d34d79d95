package dev.orchestra.engine.run;

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

    /** Finished for good: nothing more will happen to this run. */
    public boolean terminal() {
        return this == DONE || this == FAILED || this == REJECTED || this == BUDGET_EXHAUSTED;
    }
}
