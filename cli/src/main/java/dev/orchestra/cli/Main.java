package dev.orchestra.cli;

import dev.orchestra.engine.model.SecretRedactor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code orchestra} command line. {@code System.exit} happens here and nowhere else. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, System.getenv(), args));
    }

    /**
     * Runs one command; returns its exit code (see {@code orchestra --help}). Keys and other settings
     * are read from {@code env}, never from arguments.
     */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        SecretRedactor redactor = SecretRedactor.fromEnvironment(env);
        PrintWriter outWriter = new PrintWriter(new RedactingWriter(
                new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), redactor), true);
        PrintWriter errWriter = new PrintWriter(new RedactingWriter(
                new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), redactor), true);
        ErrorOutput errors = new ErrorOutput(outWriter, errWriter, List.of(args));
        CommandLine commandLine = new CommandLine(new OrchestraCommand(env))
                .setExpandAtFiles(false) // --task @FILE is ours to read
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> errors.failure(e))
                .setParameterExceptionHandler((e, args2) -> errors.badInput(e.getMessage(), "Try '"
                        + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'."));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            code = errors.failure(e);
        }
        outWriter.flush();
        errWriter.flush();
        return code;
    }
}
