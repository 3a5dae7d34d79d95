package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.validate.CompilerMessage;
import dev.orchestra.engine.validate.CompilerMessages;
import java.util.List;
import java.util.Set;

/**
 * The {@code static-analysis} agent: compiles main and test code through the project's own Maven with
 * the compiler's warnings and deprecation details switched on, and reports each javac warning as a
 * note at its file and line. It changes no source file. Compile errors are findings too (error notes at their
 * files and lines, for the fix loop or the human the run escalates to), and so is a build plugin's check that
 * stops the build before the compiler runs; only a build that runs no plugin at all makes the step fail.
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
        List<Note> notes = CompilerMessages.read(log.lines(), task.workdir()).stream().map(StaticAnalysisAgent::note).toList();
        List<Note> errors = notes.stream().filter(n -> n.severity().equals("error")).toList();
        if (result.exitCode() != 0 && errors.isEmpty()) {
            return stoppedEarly(log);
        }
        long files = notes.stream().map(Note::file).distinct().count();
        String summary = !errors.isEmpty()
                ? "the code does not compile: " + errors.size() + " error(s), first at " + errors.get(0).file() + ":"
                        + errors.get(0).line() + ": " + errors.get(0).message()
                : notes.isEmpty() ? "javac reports no warnings"
                : "javac reports " + notes.size() + " warning(s) in " + files + " file(s)";
        return AgentResult.succeeded(OneLine.of(summary), notes, Usage.oneToolRun());
    }

    /**
     * The build failed before or without the compiler saying anything. A build plugin's own check (enforcer,
     * checkstyle, license...) is a finding like the compiler's: the project's own tests decide the run. A build that
     * never ran a plugin (a POM Maven cannot read) fails the step.
     */
    private static AgentResult stoppedEarly(MavenLog log) {
        String plugin = log.failedPlugin();
        if (plugin == null || plugin.endsWith(":maven-compiler-plugin")) {
            return AgentResult.failed(OneLine.of("static analysis failed: " + log.failureReason()), Usage.oneToolRun());
        }
        String reason = log.failureReason();
        String message = plugin + " stopped the build before the compiler ran"
                + (reason.startsWith("Failed to execute goal") ? " (see the step's log)" : ": " + reason);
        Note finding = new Note("warning", "pom.xml", 0, message, plugin.substring(plugin.indexOf(':') + 1));
        return AgentResult.succeeded(OneLine.of("static analysis incomplete: " + message), List.of(finding),
                Usage.oneToolRun());
    }

    private static Note note(CompilerMessage m) {
        return new Note(m.severity(), m.file(), m.line(), m.message(), "javac");
    }
}
