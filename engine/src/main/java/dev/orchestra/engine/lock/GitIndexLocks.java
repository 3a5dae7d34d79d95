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

    /** Names the Orchestra process that is changing the index, while it does; a killed one leaves it behind. */
    static final String MARKER = "orchestra-index.pid";

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
        Path marker = gitDir.resolve(MARKER);
        try {
            long killed = deadWriter(marker);
            if (killed > 0) {
                Files.delete(marker);
            }
            if (!Files.exists(indexLock)) {
                return new Cleanup(Outcome.NONE, "no .git/index.lock");
            }
            if (killed > 0) {
                Files.delete(indexLock);
                return new Cleanup(Outcome.REMOVED, "removed .git/index.lock left by Orchestra process " + killed
                        + ", which stopped while it updated the working tree");
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

    /**
     * Runs {@code change} (a reset or checkout of the working tree) with a marker in the git folder naming this process,
     * so that when the process is killed half-way, the next command that holds the run lock knows the
     * {@code index.lock} left behind is Orchestra's own and removes it at once, whatever its age.
     */
    public static void changingIndex(Repository repo, Runnable change) {
        Path marker = repo.getDirectory().toPath().resolve(MARKER);
        try {
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + marker + ": " + e.getMessage(), e);
        }
        change.run();
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + marker + ": " + e.getMessage(), e);
        }
    }

    /** The process id a marker names when that process is no longer alive; 0 when there is no such marker. */
    private static long deadWriter(Path marker) throws IOException {
        if (!Files.isRegularFile(marker)) {
            return 0;
        }
        String text = Files.readString(marker).strip();
        if (!text.matches("[0-9]{1,18}")) {
            return 0;
        }
        long pid = Long.parseLong(text);
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive || pid == ProcessHandle.current().pid() ? 0 : pid;
    }

    /**
     * Removes the lock files a killed process left on Orchestra's own refs ({@code refs/orchestra/**} and the
     * run branches {@code refs/heads/orchestra/**}). Only this process writes them while it holds the run
     * lock, so any lock file there is stale. Returns how many were removed.
     */
    public static int clearOrchestraRefLocks(Repository repo) {
        Path gitDir = repo.getDirectory().toPath();
        if (!RunLock.heldHere(gitDir)) {
            throw new IllegalStateException("clearing ref locks in " + gitDir + " needs this process to hold the run lock");
        }
        int removed = 0;
        for (Path root : java.util.List.of(gitDir.resolve("refs/orchestra"), gitDir.resolve("refs/heads/orchestra"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path lock : files.filter(f -> f.getFileName().toString().endsWith(".lock")).toList()) {
                    Files.deleteIfExists(lock);
                    removed++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("clearing ref locks under " + root + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
