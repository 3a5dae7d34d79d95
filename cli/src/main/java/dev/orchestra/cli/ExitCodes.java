package dev.orchestra.cli;

import dev.orchestra.engine.state.RunStatus;

/**
 * The exit codes of every command; the Jenkins layer depends on them. A run's own code comes from its
 * {@link RunStatus}; only bad input (2) is the command line's.
 */
public final class ExitCodes {
    public static final int DONE = RunStatus.DONE.exitCode();
    public static final int FAILED = RunStatus.FAILED.exitCode();
    public static final int BAD_INPUT = 2;
    public static final int BUDGET_EXHAUSTED = RunStatus.BUDGET_EXHAUSTED.exitCode();
    public static final int WAITING_GATE = RunStatus.WAITING_GATE.exitCode();
    public static final int WAITING_VALIDATION = RunStatus.WAITING_VALIDATION.exitCode();
    public static final int ESCALATED = RunStatus.ESCALATED.exitCode();

    static final String HELP = """
            Exit codes:
              0   done
              1   failed (a step, with nothing produced; or Orchestra itself)
              2   usage or bad input; nothing was changed
              3   budget exhausted (a partial bundle was written)
              10  waiting at a gate: answer with 'orchestra resume --approve|--reject'
              11  waiting for the validation hook: 'orchestra resume --validation-exit N --junit GLOB'
              12  escalated to a human: the patches that landed are in the bundle,
                  what is left broken in its SUMMARY.md""";

    private ExitCodes() {}
}
