package dev.orchestra.engine.agent;

/**
 * One structured finding or remark from an agent, e.g. a compiler warning at a file and line.
 *
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param file repository-relative path, or empty when the note is about the whole step
 * @param line 1-based line, or 0 when unknown
 * @param message what was found
 * @param source which check said it (e.g. {@code javac:deprecation})
 */
public record Note(String severity, String file, int line, String message, String source) {}
