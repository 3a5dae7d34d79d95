package dev.orchestra.bench.migrate;

/** One short phrase for how each way ended, for the outcome table. */
final class Outcomes {
    private Outcomes() {}

    /** Finished, fewer tests run, more failing, or a build that no longer compiles. */
    static String plain(PlainMigration.Result plain) {
        PlainMigration.Tests before = plain.before();
        PlainMigration.Tests after = plain.after();
        if (plain.rewriteExit() != 0) {
            return "rewrite:run failed (exit " + plain.rewriteExit() + ")";
        }
        if (after.exitCode() != 0) {
            return after.compileErrors().isEmpty() ? "build fails (exit " + after.exitCode() + ")"
                    : "no longer compiles (" + after.compileErrors().size() + " compiler errors)";
        }
        long lost = before.counts().run() - after.counts().run();
        long broken = after.counts().broken() - before.counts().broken();
        if (lost <= 0 && broken <= 0) {
            return "finished";
        }
        return "compiles; " + (lost > 0 ? lost + " fewer tests run" : "")
                + (lost > 0 && broken > 0 ? ", " : "") + (broken > 0 ? broken + " more failing" : "");
    }

    /** Done, escalated with its leftovers, failed, or another status; then the exit code. */
    static String orchestra(OrchestraMigration.Result orchestra) {
        String exit = " (exit " + orchestra.exitCode() + ")";
        return switch (orchestra.status()) {
            case "done" -> "done" + exit;
            case "escalated" -> "escalated, " + leftovers(orchestra) + exit;
            default -> orchestra.status() + exit;
        };
    }

    /**
     * Tests that fail anew plus tests that no longer run, by count: a test's id can change with JUnit 5
     * (parameterized tests are named otherwise), so one test would be both "newly failing" and "not run".
     */
    private static String leftovers(OrchestraMigration.Result orchestra) {
        if (orchestra.before() == null || orchestra.after() == null) {
            return "no test counts";
        }
        long failing = Math.max(0, orchestra.after().broken() - orchestra.before().broken());
        long lost = Math.max(0, orchestra.before().run() - orchestra.after().run());
        return (failing + lost) + " leftovers (" + failing + " more failing, " + lost + " fewer run)";
    }
}
