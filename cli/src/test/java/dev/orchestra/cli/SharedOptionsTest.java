package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options every command shares, read the same way everywhere. */
class SharedOptionsTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    @Test
    void everyCommandTakesJsonTheWorkflowsListToo() throws Exception {
        TestRepo.create(repoDir);

        CliRunner.Result result = TestRepo.orchestra("workflows", "--repo", repoDir.toString(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("workflows")).extracting(JsonNode::asText).contains("junit4-to-junit5");
    }

    @Test
    void aStepTimeoutIsReadLikeAWorkflowTimeout() throws Exception {
        TestRepo repo = TestRepo.create(repoDir);
        Path workflow = repo.workflow(outside, "  - id: touch\n    agent: command\n    with:\n      run: touch done.txt\n"
                + "      timeout: 1h30m\n");

        for (String timeout : new String[] {"1h30m", "90"}) {
            CliRunner.Result run = TestRepo.orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                    "--gates", "none", "--step-timeout", timeout, "--leave-working-tree", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        CliRunner.Result bad = TestRepo.orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--gates", "none", "--step-timeout", "ten minutes");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--step-timeout 'ten minutes'");
    }
}
