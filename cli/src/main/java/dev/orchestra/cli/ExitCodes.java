package dev.orchestra.cli;

/** The exit codes of every command; the Jenkins layer depends on them. */
public final class ExitCodes {
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int BUDGET_EXHAUSTED = 3;
    public static final int WAITING_GATE = 10;
    public static final int WAITING_VALIDATION = 11;
    public static final int ESCALATED = 12;

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
