package dev.orchestra.engine.edit;

/**
 * One edit a model agent proposes: in {@code path}, replace the lines {@code search} with
 * {@code replace}. An empty {@code search} creates the file with {@code replace} as its whole content
 * (the file must not exist yet).
 *
 * @param path repository-relative path, '/'-separated
 * @param search the exact existing text to find (must match one place only)
 * @param replace the new text
 */
public record Edit(String path, String search, String replace) {
    public boolean createsFile() {
        return search == null || search.isEmpty();
    }
}
