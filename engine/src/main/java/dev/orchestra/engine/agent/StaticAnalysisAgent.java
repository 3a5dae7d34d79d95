package dev.orchestra.engine.agent;

import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.process.ProcessResult;
import java.util.List;
import java.util.Set;

/**
 * The {@code static-analysis} agent: compiles main and test code through the project's own Maven with
 * the compiler's warnings and deprecation details switched on, and reports each javac warning as a
 * note at its file and line. It changes no source file; compile errors make it fail.
 */
public final class StaticAnalysisAgent extends MavenAgent {
    /** The agent's name in plans and workflows. */
    public static final String NAME = "static-analysis";

    public StaticAnalysisAgent(MavenLocator maven) {
        super(maven);
    }

    static AgentFactory factory(MavenLocator maven) {
        return AgentFactory.of(NAME, Set.of(), step -> new StaticAnalysisAgent(maven));
    }

    @Override
    String tool() {
        return "static analysis";
    }

    /**
     * {@code clean} so every source is compiled (an up-to-date build prints no warnings). The compiler
     * plugin's {@code compilerArgument} has no user property, so {@code -Xlint:all} cannot be added from
     * the command line; {@code showWarnings} and {@code showDeprecation} can, and a project's own
     * {@code -Xlint} configuration applies as usual.
     */
    @Override
    List<String> arguments() {
        return List.of("-B", "clean", "test-compile",
                "-Dmaven.compiler.showWarnings=true", "-Dmaven.compiler.showDeprecation=true");
    }

    @Override
    AgentResult interpret(ProcessResult result, MavenLog log, AgentTask task) {
        List<Note> notes = CompilerMessages.notes(log.lines(), task.workdir());
        List<Note> errors = notes.stream().filter(n -> n.severity().equals("error")).toList();
        if (result.exitCode() != 0) {
            String reason = errors.isEmpty() ? log.failureReason()
                    : errors.size() + " compile error(s), first at " + errors.get(0).file() + ":"
                            + errors.get(0).line() + ": " + errors.get(0).message();
            return new AgentResult(AgentResult.Status.FAILED, OneLine.of("static analysis failed: " + reason),
                    errors, Usage.oneToolRun());
        }
        long files = notes.stream().map(Note::file).distinct().count();
        String summary = notes.isEmpty() ? "javac reports no warnings"
                : "javac reports " + notes.size() + " warning(s) in " + files + " file(s)";
        return AgentResult.succeeded(summary, notes, Usage.oneToolRun());
    }
}
