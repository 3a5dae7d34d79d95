package dev.orchestra.engine.validate;

/**
 * One compiler diagnostic read from a build's output.
 *
 * @param severity {@code error} or {@code warning}
 * @param file repository-relative path when the file is inside the build's folder, else as printed
 * @param line 1-based line
 * @param column 1-based column, or 0 when the compiler gave none
 * @param message the message, with its further lines (javac's "symbol:", "location:") joined by "; "
 */
public record CompilerMessage(String severity, String file, int line, int column, String message) {
    public boolean error() {
        return "error".equals(severity);
    }

    /** {@code path:line: message}, as people quote a diagnostic. */
    public String oneLine() {
        return file + ":" + line + ": " + message;
    }
}
