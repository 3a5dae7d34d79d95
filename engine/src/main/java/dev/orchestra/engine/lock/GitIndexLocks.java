package dev.orchestra.engine.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.lib.Repository;

/**
 * Clears the {@code .git/index.lock} a crashed git process leaves behind, which makes every later git command fail.
 * Only while this process holds the {@link RunLock}, and only when the file is older than a given age: a fresh one
 * may belong to a git command still running.
 */
public final class GitIndexLocks {
    /** What {@link #clearStale} did. */
    public enum Outcome { NONE, REMOVED, LEFT_FRESH }

    /** What was done, and a line saying so. */
    public record Cleanup(Outcome outcome, String message) {}

    private GitIndexLocks() {}

    /** Removes a stale {@code index.lock} of {@code repo}; throws IllegalStateException without the run lock. */
    public static Cleanup clearStale(Repository repo, Duration olderThan) {
        Path gitDir = repo.getDirectory().toPath();
        if (!RunLock.heldHere(gitDir)) {
            throw new IllegalStateException("clearing " + gitDir + "/index.lock needs this process to hold the"
                    + " run lock");
        }
        Path indexLock = gitDir.resolve("index.lock");
        try {
            if (!Files.exists(indexLock)) {
                return new Cleanup(Outcome.NONE, "no .git/index.lock");
            }
            Duration age = Duration.between(Files.getLastModifiedTime(indexLock).toInstant(), Instant.now());
            if (age.compareTo(olderThan) < 0) {
                return new Cleanup(Outcome.LEFT_FRESH, "left .git/index.lock alone: " + seconds(age) + " old, a git"
                        + " command may still be running (it is stale after " + seconds(olderThan) + ")");
            }
            Files.delete(indexLock);
            return new Cleanup(Outcome.REMOVED, "removed .git/index.lock, " + seconds(age)
                    + " old, left by a git process that stopped before finishing");
        } catch (IOException e) {
            throw new UncheckedIOException("clearing " + indexLock + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
