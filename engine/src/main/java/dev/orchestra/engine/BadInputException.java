package dev.orchestra.engine;

/**
 * Input a user gave us is wrong: a workflow, a plan, a flag, a file. The message is one line naming
 * the input and what is wrong; the command line turns it into exit code 2 with nothing changed.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
