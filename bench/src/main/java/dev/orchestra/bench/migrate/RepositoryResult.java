package dev.orchestra.bench.migrate;

/**
 * Everything measured on one repository: the warm-up pass's wall time (-1 when skipped), the plain way,
 * Orchestra's way, and why the benchmark itself could not measure it (null when it could).
 */
record RepositoryResult(RepositoryCase repo, long warmUpMillis, PlainMigration.Result plain,
                        OrchestraMigration.Result orchestra, String benchFailure) {
    static RepositoryResult benchFailed(RepositoryCase repo, String why) {
        return new RepositoryResult(repo, -1, null, null, why);
    }

    boolean measured() {
        return benchFailure == null;
    }

    /** Orchestra's wall time over the plain way's. */
    double ratio() {
        return orchestra.millis() / (double) plain.millis();
    }

    /** What the plain recipe left: finished, fewer tests run, more failing, or a build that no longer compiles. */
    String plainOutcome() {
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

    /** Orchestra's status, the leftovers of an escalation, and its exit code. */
    String orchestraOutcome() {
        String exit = " (exit " + orchestra.exitCode() + ")";
        return switch (orchestra.status()) {
            case "done" -> "done" + exit;
            case "escalated" -> "escalated, " + (orchestra.newlyFailing() + orchestra.notRun()) + " leftovers ("
                    + orchestra.newlyFailing() + " newly failing, " + orchestra.notRun() + " no longer run)" + exit;
            default -> orchestra.status() + exit;
        };
    }
}
