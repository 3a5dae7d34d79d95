package dev.orchestra.engine.edit;

/**
 * Why one edit did not apply, in words an agent can act on.
 *
 * @param index the edit's position in the agent's list (0-based)
 * @param path the file the edit named
 * @param reason e.g. "search text not found", "search text matches 3 places", "file does not exist"
 * @param closestLines the lines of the file most like the search text (with line numbers), or empty
 */
public record EditFailure(int index, String path, String reason, String closestLines) {}
