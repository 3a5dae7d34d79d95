package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.output.ControlCharacters;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        CommandLine commandLine = new CommandLine(new OrchestraCommand(env))
                .setExpandAtFiles(false) // --task @FILE is ours to read
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, errWriter, debug(args)))
                .setParameterExceptionHandler((e, args2) -> {
                    errWriter.println("orchestra: " + ControlCharacters.strip(e.getMessage()));
                    errWriter.println("Try 'orchestra " + e.getCommandLine().getCommandName() + " --help'.");
                    return ExitCodes.BAD_INPUT;
                });
        int code = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static int failure(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof BadInputException) {
            err.println("orchestra: " + ControlCharacters.strip(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        err.println("orchestra: " + ControlCharacters.strip(root.getMessage()) + (debug ? "" : " (run with --debug for details)"));
        return ExitCodes.FAILED;
    }

    private static boolean debug(String[] args) {
        for (String arg : args) {
            if (arg.equals("--debug")) {
                return true;
            }
        }
        return false;
    }
}
