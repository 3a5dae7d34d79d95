package dev.orchestra.contract;

/**
 * The one JSON object {@code orchestra run|resume|status --run-id|export|import --json} prints about a run on stdout:
 * the command line writes it, the Jenkins plugin reads it. The JSON field names are the component names. A command
 * that fails before it has a run prints {@link CliError} instead.
 *
 * @param runId the run's id
 * @param status {@code running}, {@code waiting_gate}, {@code waiting_validation}, {@code done}, {@code escalated},
 *               {@code budget_exhausted}, {@code rejected} or {@code failed}
 * @param exitCode the exit code that goes with the status (see {@code orchestra --help})
 * @param phase the phase the run is in, in lower case
 * @param waitingFor the gate ({@code plan}, {@code patch}, {@code pr}) or validation ({@code baseline}, {@code final})
 *                   the run waits for; null otherwise
 * @param gateQuestion at a gate, its question; null otherwise
 * @param gateDetails at a gate, what to review there (the plan's steps, the patches, what landed and the tests)
 * @param branch the run branch
 * @param baseCommit the commit the run started from
 * @param failure why the run failed or escalated; null otherwise
 * @param runDir the run's folder, absolute
 * @param planPath the run's plan.md, absolute
 * @param plan the plan as markdown, null before there is one
 * @param bundlePath the bundle folder once written, else null
 * @param reportPath the bundle's report.html once written, else null
 * @param summaryPath the bundle's SUMMARY.md once written, else null
 * @param summary the bundle's SUMMARY.md once written, else null
 * @param metrics the run's metrics, as in metrics.json (with {@code fixIterations}, {@code testsBefore},
 *                {@code testsAfter}, {@code total})
 * @param published after the pr gate with {@code --push}: what was pushed and the pull request opened or updated (as
 *     in the run folder's publish.json); null otherwise
 * @param exportPath {@code export} only: the file written
 * @param imported {@code import} only: false when the clone already held exactly that state
 */
public record RunResult(String runId, String status, int exitCode, String phase, String waitingFor, String gateQuestion,
                        String gateDetails, String branch, String baseCommit, String failure, String runDir,
                        String planPath, String plan, String bundlePath, String reportPath, String summaryPath,
                        String summary, Object metrics, Object published, String exportPath,
                        Boolean imported) {

    /** This result with the file {@code export} wrote. */
    public RunResult withExportPath(String path) {
        return new RunResult(runId, status, exitCode, phase, waitingFor, gateQuestion, gateDetails, branch, baseCommit,
                failure, runDir, planPath, plan, bundlePath, reportPath, summaryPath, summary, metrics, published, path, imported);
    }

    /** This result with what {@code import} did. */
    public RunResult withImported(boolean value) {
        return new RunResult(runId, status, exitCode, phase, waitingFor, gateQuestion, gateDetails, branch, baseCommit,
                failure, runDir, planPath, plan, bundlePath, reportPath, summaryPath, summary, metrics, published, exportPath, value);
    }
}
