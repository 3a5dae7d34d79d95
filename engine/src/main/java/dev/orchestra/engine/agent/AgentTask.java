package dev.orchestra.engine.agent;

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
 */
public record AgentTask(
        String stepId,
        String instructions,
        Map<String, Object> params,
        List<String> scope,
        Path workdir,
        Path logFile,
        Duration timeout) {}
