package dev.orchestra.engine.validate;

/**
 * One test case as a JUnit XML report saw it.
 *
 * @param id {@code ClassName#method} (the {@code classname} and {@code name} attributes)
 * @param outcome what happened
 * @param message the failure or error message (empty when it passed)
 * @param detail a trimmed stack trace or output (empty when it passed)
 * @param seconds the reported time
 */
public record TestCase(String id, Outcome outcome, String message, String detail, double seconds) {
    /** PASSED, FAILED (assertion), ERROR (unexpected exception) or SKIPPED. */
    public enum Outcome { PASSED, FAILED, ERROR, SKIPPED;

        public boolean broken() {
            return this == FAILED || this == ERROR;
        }
    }
}
