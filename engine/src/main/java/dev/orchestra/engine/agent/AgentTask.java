package dev.orchestra.engine.agent;

import dev.orchestra.engine.workspace.CommitView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an agent is given: the step, where it may work, where its log goes, and how long it has.
 *
 * @param stepId the plan step
 * @param instructions free text from the plan
 * @param params the step's agent-specific parameters ({@code with:} in a workflow)
 * @param scope path globs the step may write (empty: the run's write scope)
 * @param workdir the isolated copy of the run branch; the only place the agent may write
 * @param logFile where the agent writes its output (stdout and stderr of tools)
 * @param timeout wall-time limit for the step
 * @param repository the commit {@code workdir} was made from, read-only, when {@code workdir} holds only
 *     the step's files (the rest of the repository is read from here); null when it is a full copy
 * @param run what the engine tells the agent about the run: its base commit, the latest test results, and the
 *     variables the agent may have
 */
public record AgentTask(
        String stepId,
        String instructions,
        Map<String, Object> params,
        List<String> scope,
        Path workdir,
        Path logFile,
        Duration timeout,
        CommitView repository,
        RunFacts run) {

    /**
     * What the engine knows about the run that a step's agent may use.
     *
     * @param baseCommit the commit the run started from (a reviewer diffs against it), or null
     * @param testResults the latest validation's summary and newly failing tests, or null before any validation
     * @param passedVariables the variables this step named ({@code env:}) and the operator passed
     */
    public record RunFacts(String baseCommit, String testResults, List<String> passedVariables) {
        public static final RunFacts NONE = new RunFacts(null, null, List.of());

        public RunFacts {
            passedVariables = passedVariables == null ? List.of() : List.copyOf(passedVariables);
        }
    }

    public AgentTask {
        run = run == null ? RunFacts.NONE : run;
    }

    /** The variables this step named ({@code env:}) and the operator passed; empty for most steps. */
    public List<String> passedVariables() {
        return run.passedVariables();
    }

    /** A task whose workdir is a full copy of the repository, with nothing known about its run. */
    public AgentTask(String stepId, String instructions, Map<String, Object> params, List<String> scope, Path workdir,
                     Path logFile, Duration timeout) {
        this(stepId, instructions, params, scope, workdir, logFile, timeout, null, RunFacts.NONE);
    }

    /** The same task, to be run in {@code workdir}. */
    public AgentTask in(Path workdir, CommitView repository) {
        return new AgentTask(stepId, instructions, params, scope, workdir, logFile, timeout, repository, run);
    }

    /** The same task, with what the engine knows about its run. */
    public AgentTask about(RunFacts facts) {
        return new AgentTask(stepId, instructions, params, scope, workdir, logFile, timeout, repository, facts);
    }
}
