package dev.orchestra.engine.agent;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A tool agent that runs the project's own Maven in the isolated copy and reads what it printed. */
abstract class MavenAgent implements Agent {
    private final MavenLocator maven;

    MavenAgent(MavenLocator maven) {
        this.maven = maven;
    }

    /** What the agent is called in summaries, e.g. "OpenRewrite". */
    abstract String tool();

    /** Maven arguments after the executable. */
    abstract List<String> arguments();

    /** The result, from a Maven run that ended by itself (not by its time limit). */
    abstract AgentResult interpret(ProcessResult result, MavenLog log, AgentTask task);

    @Override
    public final AgentResult run(AgentTask task) throws InterruptedException {
        List<String> command;
        try {
            command = new ArrayList<>(maven.command(task.workdir()));
        } catch (BadInputException e) {
            return AgentResult.failed(tool() + " cannot run: " + e.getMessage(), Usage.NONE);
        }
        command.addAll(arguments());
        ProcessResult result;
        try {
            result = ProcessRunner.of(command).directory(task.workdir()).logTo(task.logFile())
                .agentEnvironment(task.passedVariables())
                    .timeout(task.timeout()).run();
        } catch (IOException e) {
            return AgentResult.failed(OneLine.of(tool() + " cannot start Maven: " + e.getMessage()), Usage.NONE);
        }
        if (result.timedOut()) {
            return AgentResult.failed(tool() + " timed out after " + OneLine.duration(task.timeout()),
                    Usage.oneToolRun());
        }
        return interpret(result, MavenLog.read(task.logFile()), task);
    }
}
