package dev.orchestra.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestra.contract.CliError;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.output.ControlCharacters;
import java.io.PrintWriter;
import java.util.List;

/**
 * How a command that fails says so: one line {@code orchestra: ...} on stderr and, under {@code --json}, exactly one
 * JSON object on stdout ({@code error}, {@code exitCode}); a stack trace only under {@code --debug}.
 */
final class ErrorOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean debug;

    ErrorOutput(PrintWriter out, PrintWriter err, List<String> args) {
        this.out = out;
        this.err = err;
        this.json = args.contains("--json");
        this.debug = args.contains("--debug");
    }

    /** Bad input or usage: exit 2; {@code hint} is a second stderr line (e.g. where to find help), or null. */
    int badInput(String message, String hint) {
        return report(ExitCodes.BAD_INPUT, message, "", hint);
    }

    /** A failure of the command: exit 2 for bad input, 1 for anything else. */
    int failure(Throwable e) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof BadInputException) {
            return report(ExitCodes.BAD_INPUT, e.getMessage(), "", null);
        }
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            return report(ExitCodes.FAILED, "ran out of memory (" + e.getClass().getSimpleName() + "); no input of this"
                    + " size is expected, please report it", "", null);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return report(ExitCodes.FAILED, message, debug ? "" : " (run with --debug for details)", null);
    }

    /** One stderr line (the message's first, then {@code suffix}), an optional {@code nextLine}, and the JSON object. */
    private int report(int exitCode, String message, String suffix, String nextLine) {
        String first = message == null ? "" : ControlCharacters.strip(message.lines().findFirst().orElse(""));
        err.println("orchestra: " + first + suffix);
        if (nextLine != null) {
            err.println(nextLine);
        }
        if (json) {
            try {
                out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new CliError(first, exitCode)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        err.flush();
        out.flush();
        return exitCode;
    }
}
