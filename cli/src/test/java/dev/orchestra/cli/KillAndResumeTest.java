package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A real orchestra process killed at a point in each phase; a resume finishes the run exactly once. */
class KillAndResumeTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    @ParameterizedTest
    @ValueSource(strings = {
        "ingest.after-state",
        "validate.baseline.after-command",
        "delegate.after-agent",
        "delegate.after-bring-back",
        "integrate.before-checkout",
        "integrate.after-checkout",
        "validate.final.after-command",
        "finalize.before-bundle",
        "finalize.after-bundle"})
    void resumeAfterAKillFinishesWithEveryStepLandedOnce(String crashPoint) throws Exception {
        TestRepo repo = TestRepo.create(repoDir);
        Path workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting.
                    with:
                      run: echo hello > greeting.txt
                  - id: farewell
                    agent: command
                    instructions: Add a farewell.
                    needs: [greet]
                    with:
                      run: echo bye > farewell.txt
                """);
        Process killed = orchestraProcess(crashPoint, "run", "--repo", repoDir.toString(), "--workflow",
                workflow.toString(), "--validate", TestRepo.VALIDATE, "--gates", "none", "--run-id", "k1");
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("the process died at " + crashPoint).isEqualTo(137);

        CliRunner.Result resumed = orchestra("resume", "--repo", repoDir.toString(), "--run-id", "k1", "--json");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(0);
        assertThat(repo.log("orchestra/k1")).containsExactly("farewell: Add a farewell.", "greet: Add a greeting.", "initial");
        assertThat(repo.branch()).isEqualTo("orchestra/k1");
        assertThat(repo.clean()).as("working tree matches the run branch").isTrue();
        assertThat(repoDir.resolve("greeting.txt")).hasContent("hello");
        assertThat(repoDir.resolve("farewell.txt")).hasContent("bye");
        try (Stream<Path> patches = Files.list(repoDir.resolve(".orchestra/runs/k1/bundle/patches"))) {
            assertThat(patches.count()).isEqualTo(2);
        }
    }

    private Process orchestraProcess(String crashPoint, String... args) throws Exception {
        return CliRunner.start(Map.of("ORCHESTRA_CRASH_AT", crashPoint), Files.createTempFile(outside, "orchestra-killed", ".log"),
                args);
    }
}
