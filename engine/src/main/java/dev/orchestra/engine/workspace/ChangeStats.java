package dev.orchestra.engine.workspace;

import java.util.List;

/**
 * What a copy changed against its base: the paths touched (repository-relative, '/'-separated) and
 * the lines inserted and deleted.
 */
public record ChangeStats(List<String> files, int insertions, int deletions) {
    public static final ChangeStats NONE = new ChangeStats(List.of(), 0, 0);

    public ChangeStats {
        files = List.copyOf(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
