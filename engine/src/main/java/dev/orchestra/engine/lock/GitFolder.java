package dev.orchestra.engine.lock;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a working tree's git folder: {@code .git}, or where a {@code .git} file points (worktrees, submodules). */
final class GitFolder {
    private GitFolder() {}

    static Path of(Path repoDir) {
        Path dotGit = repoDir.resolve(".git");
        try {
            if (Files.isDirectory(dotGit)) {
                return dotGit.toRealPath();
            }
            if (Files.isRegularFile(dotGit)) {
                String pointer = Files.readString(dotGit).strip();
                if (pointer.startsWith("gitdir:")) {
                    return repoDir.resolve(pointer.substring("gitdir:".length()).strip()).toRealPath();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dotGit + ": " + e.getMessage(), e);
        }
        throw new BadInputException("not a git repository: " + repoDir);
    }

    /** The real path, so that one folder reached two ways is one key. */
    static Path real(Path gitDir) {
        try {
            return gitDir.toRealPath();
        } catch (IOException e) {
            return gitDir.toAbsolutePath().normalize();
        }
    }
}
