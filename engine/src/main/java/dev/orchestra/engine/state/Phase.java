package dev.orchestra.engine.state;

/** The phases of a run, in order. Each ends in a persisted state. */
public enum Phase {
    /** Checks the repository, records the request and the base, creates the run branch. */
    INGEST,
    /** The workflow's plan, or the planner model's; then the plan gate. */
    PLAN,
    /** The validation hook on the base commit, before any change. */
    BASELINE,
    /** Steps run in isolated copies; each one's commit is merged onto the candidate ref as it finishes. */
    DELEGATE,
    /** The patch gate, then the candidate lands on the run branch (and the working tree follows). */
    INTEGRATE,
    /** The validation hook on the run branch; failures go to the fix loop, success to the pr gate. */
    VALIDATE,
    /** Everything passed: the run is done (its account and bundle are written, as for every finished run). */
    FINALIZE,
    DONE
}
