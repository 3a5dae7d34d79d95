package dev.orchestra.engine.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path repo;
    private Process child;

    @BeforeEach
    void createRepository() throws Exception {
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    }

    @AfterEach
    void stopChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesTheHolderIntoALockFileInsideGitNotIntoTheWorkingTree() throws Exception {
        try (RunLock lock = RunLock.acquire(repo, "run")) {
            assertThat(lock.file()).isEqualTo(repo.resolve(".git/orchestra.lock").toRealPath());
            assertThat(Files.readString(lock.file())).contains("pid=" + ProcessHandle.current().pid(), "command=run",
                    "host=", "since=");
            try (Git git = Git.open(repo.toFile())) {
                assertThat(git.status().call().isClean()).isTrue();
            }
        }
    }

    @Test
    void aSecondCommandWhileTheLockIsHeldIsToldWhoHoldsIt() {
        try (RunLock held = RunLock.acquire(repo, "run")) {
            assertThatThrownBy(() -> RunLock.acquire(repo, "resume")).isInstanceOf(BadInputException.class)
                    .hasMessageMatching("another orchestra process \\(pid " + ProcessHandle.current().pid()
                            + " on .+, `run`, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\) is working on this"
                            + " repository; wait for it or stop it");
        }
        RunLock.acquire(repo, "resume").close();
    }

    @Test
    void aRefusedAttemptInThisProcessDoesNotLoosenTheLockForOthers() throws Exception {
        try (RunLock held = RunLock.acquire(repo, "run")) {
            assertThatThrownBy(() -> RunLock.acquire(repo, "resume")).isInstanceOf(BadInputException.class);

            child = startChild("resume");

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(2);
            assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("(pid " + ProcessHandle.current().pid() + " on ");
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsCrashReleasesTheLock() throws Exception {
        child = startChild("run");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");

        assertThatThrownBy(() -> RunLock.acquire(repo, "resume")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(pid " + child.pid() + " on ").hasMessageContaining("`run`");

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (RunLock lock = RunLock.acquire(repo, "resume")) {
            assertThat(Files.readString(lock.file())).contains("pid=" + ProcessHandle.current().pid(),
                    "command=resume");
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsBadInput(@TempDir Path plain) {
        assertThatThrownBy(() -> RunLock.acquire(plain, "run")).isInstanceOf(BadInputException.class)
                .hasMessage("not a git repository: " + plain);
    }

    /** A real second JVM running {@link HoldRunLock} on the test repository. */
    private Process startChild(String command) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = String.join(File.pathSeparator, location(RunLock.class), location(HoldRunLock.class));
        return new ProcessBuilder(List.of(java, "-cp", classpath, HoldRunLock.class.getName(), repo.toString(),
                command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
