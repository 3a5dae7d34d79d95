package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that fails throws no other step's work away: what the others produced lands, is validated, and the run
 * escalates with it in the bundle and the failed step among what a human has to finish.
 */
class FailedStepTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
    }

    @Test
    void aStepThatFailsAfterAnotherProducedWorkEscalatesWithThatWorkLandedAndValidated() throws Exception {
        JsonNode out = run(12, """
                  - id: greet
                    agent: command
                    with:
                      run: echo hello > greeting.txt
                  - id: check
                    agent: command
                    needs: [greet]
                    with:
                      run: echo 'no dictionary here' >&2; exit 3
                """);

        assertThat(out.get("status").asText()).isEqualTo("escalated");
        assertThat(out.get("failure").asText()).contains("step check (command) failed");
        assertThat(repoDir.resolve("greeting.txt")).hasContent("hello");
        assertThat(repo.log("orchestra/f1")).first().asString().startsWith("greet:");
        assertThat(out.get("metrics").get("testsAfter").get("passed").asInt()).as("the landed work was validated").isEqualTo(2);
        assertThat(Path.of(out.get("summaryPath").asText())).content()
                .contains("## What a human has to finish", "- step check (command) failed: ");
        assertThat(Path.of(out.get("bundlePath").asText()).resolve("patches")).isDirectoryContaining("glob:**/0001-*.patch");
    }

    @Test
    void stepsThatDoNotNeedTheFailedStepStillRunAndThoseThatNeedItDoNot() throws Exception {
        Path marker = outside.resolve("after-ran");
        JsonNode out = run(12, """
                  - id: broken
                    agent: command
                    with:
                      run: exit 1
                  - id: other
                    agent: command
                    with:
                      run: echo other > other.txt
                  - id: after
                    agent: command
                    needs: [broken]
                    with:
                      run: touch %s && echo after > after.txt
                """.formatted(marker));

        assertThat(repoDir.resolve("other.txt")).hasContent("other");
        assertThat(marker).doesNotExist();
        JsonNode steps = Json.MAPPER.readTree(Path.of(out.get("bundlePath").asText()).resolve("bundle.json").toFile()).get("steps");
        assertThat(steps.findValuesAsText("status")).containsExactly("FAILED", "LANDED", "PENDING");
        assertThat(steps.get(2).get("summary").asText()).isEqualTo("not run: a step it needs failed");
    }

    private JsonNode run(int expectedExit, String steps) throws Exception {
        Path workflow = repo.workflow(outside, steps);
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "none", "--jobs", "1", "--run-id", "f1", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(expectedExit);
        return Json.MAPPER.readTree(result.out());
    }
}
