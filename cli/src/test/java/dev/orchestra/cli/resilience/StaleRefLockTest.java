package dev.orchestra.cli.resilience;

import dev.orchestra.cli.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} while a step's ref is being written ({@code refs/orchestra/<run>/steps/<step>}) leaves the ref's
 * {@code .lock} file behind; the resume must still land the step.
 */
class StaleRefLockTest {
    @TempDir
    Path temp;

    @Test
    void aResumeLandsTheStepWhenAKilledProcessLeftTheStepRefLocked() throws Exception {
        Path repo = Cli.repository(temp.resolve("repo"), Map.of("README.md", "A project.\n"));
        Path workflow = Files.writeString(temp.resolve("workflow.yml"), """
                name: one-step
                description: One step.
                steps:
                  - id: greet
                    agent: command
                    scope: ["greeting.txt"]
                    with:
                      run: echo hello > greeting.txt
                """);
        Process killed = Cli.start(Map.of("ORCHESTRA_CRASH_AT", "delegate.after-agent"), temp.resolve("killed.log"),
                "run", "--repo", repo.toString(), "--workflow", workflow.toString(), "--gates", "none", "--run-id", "r1");
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);
        // What the kill leaves when it lands between JGit's lock-file creation and its rename.
        Cli.write(repo, ".git/refs/orchestra/r1/steps/greet.lock", "");

        CliRunner.Result resumed = Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "r1");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Cli.stepTrailers(repo, "orchestra/r1")).containsExactly("greet");
        assertThat(repo.resolve("greeting.txt")).hasContent("hello");
    }
}
