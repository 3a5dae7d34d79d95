package dev.orchestra.jenkins.run;

import java.util.List;

/** What the step does next, as the {@link PhaseDriver} decides it. */
public sealed interface NextMove {
    /** Call the command line with these arguments. */
    record RunCli(List<String> arguments) implements NextMove {}

    /** Run the step's body (the validation hook), then report its outcome with {@link PhaseDriver#afterBody}. */
    record RunBody() implements NextMove {}

    /**
     * The phase is over: return the run's fields to the Jenkinsfile; {@code unstable} marks the build UNSTABLE;
     * {@code message}, when not null, is a line for the build log (the warning, when unstable).
     */
    record Finish(CliOutput output, boolean unstable, String message) implements NextMove {}

    /** The step fails with this one-line message; {@code output} is the last call's, or null when none ran. */
    record Fail(CliOutput output, String message) implements NextMove {}
}
