package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import dev.orchestra.engine.sandbox.Sandbox;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code command} agent: runs a shell command line ({@code run:}) in the isolated copy, within
 * {@code timeout:} (e.g. 30s, 10m, 1h) and the step's time limit, inside the run's sandbox when there is one
 * (with the network only when the step says {@code network: true}); the copy's diff is its result.
 */
public final class CommandAgent implements Agent {
    /** The agent's name in plans and workflows. */
    public static final String NAME = "command";

    private final String commandLine;
    private final Optional<Duration> timeout;
    private final boolean network;
    private final Sandbox sandbox;

    public CommandAgent(String commandLine, Optional<Duration> timeout) {
        this(commandLine, timeout, false, Sandbox.off());
    }

    /** A command that runs inside {@code sandbox}, with the network when {@code network} is true. */
    public CommandAgent(String commandLine, Optional<Duration> timeout, boolean network, Sandbox sandbox) {
        this.commandLine = commandLine;
        this.timeout = timeout;
        this.network = network;
        this.sandbox = sandbox;
    }

    static AgentFactory factory(Sandbox sandbox) {
        return AgentFactory.of(NAME, Set.of("run", "timeout", "network"), step -> fromStep(step, sandbox));
    }

    private static CommandAgent fromStep(Step step, Sandbox sandbox) {
        StepParams params = new StepParams(step);
        return new CommandAgent(params.requiredString("run"), params.duration("timeout"), params.flag("network"), sandbox);
    }

    @Override
    public AgentResult run(AgentTask task) throws InterruptedException {
        Duration limit = timeout.filter(t -> t.compareTo(task.timeout()) < 0).orElse(task.timeout());
        ProcessRunner runner = ProcessRunner.shell(commandLine).directory(task.workdir()).logTo(task.logFile())
                .agentEnvironment(task.passedVariables())
                .timeout(limit).inside(sandbox.prefix(task.workdir(), network));
        ProcessResult result;
        try {
            result = runner.run();
        } catch (IOException e) {
            return AgentResult.failed(OneLine.of("cannot run `" + commandLine + "`: " + e.getMessage()),
                    Usage.oneToolRun());
        }
        String command = "`" + OneLine.of(commandLine) + "`";
        if (result.timedOut()) {
            return AgentResult.failed(command + " timed out after " + OneLine.duration(limit), Usage.oneToolRun());
        }
        if (!result.succeeded()) {
            return AgentResult.failed(OneLine.of(command + " failed with exit code " + result.exitCode()
                    + tailOf(result, runner)), Usage.oneToolRun());
        }
        return AgentResult.succeeded(command + " succeeded in " + OneLine.duration(result.duration()),
                List.of(), Usage.oneToolRun());
    }

    private static String tailOf(ProcessResult result, ProcessRunner runner) {
        String tail = OneLine.tail(result, runner.command(), 5);
        return tail.isEmpty() ? " (no output)" : ": " + tail;
    }
}
