package dev.orchestra.engine.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.lock.GitIndexLocks.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIndexLocksTest {
    @TempDir
    Path dir;
    private Git git;
    private Path indexLock;

    @BeforeEach
    void createRepository() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Files.writeString(dir.resolve("README.md"), "# Shop\n");
        indexLock = dir.resolve(".git/index.lock");
    }

    @AfterEach
    void closeRepository() {
        git.close();
    }

    @Test
    void removesAStaleIndexLockSoThatGitWorksAgain() throws Exception {
        leaveIndexLock(Duration.ofMinutes(10));
        assertThatThrownBy(() -> git.add().addFilepattern(".").call()).isInstanceOf(JGitInternalException.class);

        try (RunLock held = RunLock.acquire(dir, "resume")) {
            GitIndexLocks.Cleanup cleanup = GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2));

            assertThat(cleanup.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(cleanup.message()).matches("removed \\.git/index\\.lock, 6\\d\\d s old, left by a git process"
                    + " that stopped before finishing");
        }
        assertThat(indexLock).doesNotExist();
        git.add().addFilepattern(".").call();
    }

    @Test
    void aFreshIndexLockLeftByAKilledOrchestraProcessIsRemovedAtOnce() throws Exception {
        Process killed = new ProcessBuilder("sleep", "60").start();
        Files.writeString(dir.resolve(".git/" + GitIndexLocks.MARKER), Long.toString(killed.pid()));
        leaveIndexLock(Duration.ofSeconds(1));
        killed.destroyForcibly().waitFor();

        try (RunLock held = RunLock.acquire(dir, "resume")) {
            GitIndexLocks.Cleanup cleanup = GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2));

            assertThat(cleanup.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(cleanup.message()).isEqualTo("removed .git/index.lock left by Orchestra process " + killed.pid()
                    + ", which stopped while it updated the working tree");
        }
        assertThat(indexLock).doesNotExist();
        assertThat(dir.resolve(".git/" + GitIndexLocks.MARKER)).doesNotExist();
        git.add().addFilepattern(".").call();
    }

    @Test
    void aFreshIndexLockIsLeftAloneWhileTheOrchestraProcessNamedIsAlive() throws Exception {
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(".git/" + GitIndexLocks.MARKER), Long.toString(running.pid()));
            leaveIndexLock(Duration.ofSeconds(1));

            try (RunLock held = RunLock.acquire(dir, "resume")) {
                assertThat(GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2)).outcome())
                        .isEqualTo(Outcome.LEFT_FRESH);
            }
            assertThat(indexLock).exists();
        } finally {
            running.destroyForcibly().waitFor();
        }
    }

    @Test
    void leavesAFreshIndexLockAlone() throws Exception {
        leaveIndexLock(Duration.ofSeconds(5));

        try (RunLock held = RunLock.acquire(dir, "resume")) {
            GitIndexLocks.Cleanup cleanup = GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2));

            assertThat(cleanup.outcome()).isEqualTo(Outcome.LEFT_FRESH);
            assertThat(cleanup.message()).startsWith("left .git/index.lock alone: ")
                    .endsWith("(it is stale after 120 s)");
        }
        assertThat(indexLock).exists();
    }

    @Test
    void saysSoWhenThereIsNothingToClear() {
        try (RunLock held = RunLock.acquire(dir, "resume")) {
            assertThat(GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2)))
                    .isEqualTo(new GitIndexLocks.Cleanup(Outcome.NONE, "no .git/index.lock"));
        }
    }

    @Test
    void touchesNothingWithoutTheRunLock() throws Exception {
        leaveIndexLock(Duration.ofHours(1));

        assertThatThrownBy(() -> GitIndexLocks.clearStale(git.getRepository(), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("needs this process to hold the run lock");
        assertThat(indexLock).exists();
    }

    private void leaveIndexLock(Duration age) throws Exception {
        Files.writeString(indexLock, "");
        Files.setLastModifiedTime(indexLock, FileTime.from(Instant.now().minus(age)));
    }
}
