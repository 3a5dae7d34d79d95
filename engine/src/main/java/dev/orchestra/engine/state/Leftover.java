package dev.orchestra.engine.state;

/**
 * One thing a run left broken, for the human who finishes it.
 *
 * @param kind {@code compile-error}, {@code build}, {@code failing-test}, {@code not-run} or {@code failed-step}
 * @param file the repository-relative file, or null when the leftover is not about one file
 * @param line the 1-based line in {@code file}, or 0
 * @param message what is wrong, in one line
 */
public record Leftover(String kind, String file, int line, String message) {
    /** {@code file:line: message}, or the message alone when there is no file. */
    public String oneLine() {
        if (file == null) {
            return message;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
