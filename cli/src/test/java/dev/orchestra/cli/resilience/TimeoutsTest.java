package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation hooks that never end: killed at the time limit, they fail the run by that name, and the bundle says
 * so instead of showing the killed process's exit code as a result.
 */
class TimeoutsTest {
    static final Reliability.Section SECTION = new Reliability.Section("timeouts", "Timeouts", "failed as timed out",
            "Validation hooks that run past `--step-timeout 2s`. A case holds when the run ends failed (exit 1, never "
                    + "done), and its output, `SUMMARY.md` and `report.html` say \"timed out after 2 s\", never \"exit -1\".");

    @TempDir
    Path temp;

    @AfterAll
    static void writeCounts() {
        SECTION.write();
    }

    @ParameterizedTest(name = "the {0} validation")
    @ValueSource(strings = {"baseline", "final"})
    void aValidationThatTimesOutFailsTheRunAsTimedOut(String kind) throws Exception {
        Reliability.Tally tally = SECTION.tally("the " + kind + " validation never ends");
        tally.tried();
        // The tests hang: always (baseline), or once the step's file exists (final).
        String hang = kind.equals("baseline") ? "sleep 60\n" : "if [ -f greeting.txt ]; then sleep 60; fi\n";
        Path repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "validate.sh", hang + Cli.checkScript("greetingExists", "greeting.txt", "hello")));
        Path workflow = Files.writeString(temp.resolve("greet.yml"), "name: greet\ndescription: One step.\nsteps:\n"
                + "  - id: greet\n    agent: command\n    with:\n      run: echo hello > greeting.txt\n");

        CliRunner.Result result = Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--validate", "sh validate.sh", "--step-timeout", "2s", "--gates", "none", "--run-id", "t1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("Why: the " + kind + " validation timed out after 2 s");
        Path bundle = repo.resolve(".orchestra/runs/t1/bundle");
        for (Path file : new Path[] {bundle.resolve("SUMMARY.md"), bundle.resolve("report.html")}) {
            assertThat(Files.readString(file)).as(file.toString()).contains("timed out after 2 s")
                    .doesNotContain("exit code -1", "exit -1");
        }
        tally.held();
    }
}
