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
 */
public record AgentTask(
        String stepId,
        String instructions,
        Map<String, Object> params,
        List<String> scope,
        Path workdir,
        Path logFile,
        Duration timeout,
        CommitView repository) {

    /** The parameter the engine sets to the variables this step's agent gets beyond the harmless ones. */
    public static final String PASSED_VARIABLES = "orchestra.env";

    /** The variables this step named ({@code env:}) and the operator passed; empty for most steps. */
    public List<String> passedVariables() {
        return params.get(PASSED_VARIABLES) instanceof List<?> names
                ? names.stream().map(String::valueOf).toList() : List.of();
    }

    /** A task whose workdir is a full copy of the repository. */
    public AgentTask(String stepId, String instructions, Map<String, Object> params, List<String> scope, Path workdir,
                     Path logFile, Duration timeout) {
        this(stepId, instructions, params, scope, workdir, logFile, timeout, null);
    }

    /** The same task, to be run in {@code workdir}. */
    public AgentTask in(Path workdir, CommitView repository) {
        return new AgentTask(stepId, instructions, params, scope, workdir, logFile, timeout, repository);
    }
}
