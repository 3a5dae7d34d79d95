package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestra status} on runs in every state, also one a kill left without a plan. */
class StatusTest {
    @TempDir
    Path repoDir;

    @Test
    void aModelRunKilledBeforePlanningIsListedAndShownInDetailWithoutAPlan() throws Exception {
        TestRepo.create(repoDir);
        Process killed = CliRunner.start(Map.of("ORCHESTRA_CRASH_AT", "ingest.after-state"),
                File.createTempFile("orchestra-unplanned", ".log").toPath(), "run", "--repo", repoDir.toString(),
                "--task", "Add a power function.", "--model", "openai-compatible:test", "--base-url",
                "http://127.0.0.1:9/v1", "--gates", "none", "--run-id", "k1");
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed right after the run state was first saved").isEqualTo(137);

        CliRunner.Result list = TestRepo.orchestra("status", "--repo", repoDir.toString());
        CliRunner.Result detail = TestRepo.orchestra("status", "--repo", repoDir.toString(), "--run-id", "k1");
        CliRunner.Result json = TestRepo.orchestra("status", "--repo", repoDir.toString(), "--run-id", "k1", "--json");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("k1 +running +ingest +\\(no plan yet\\)");
        assertThat(detail.exitCode()).as(detail.toString()).isZero();
        assertThat(detail.out()).contains("Run k1 — running");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode out = Json.MAPPER.readTree(json.out());
        assertThat(out.get("status").asText()).isEqualTo("running");
        assertThat(out.get("phase").asText()).isEqualTo("ingest");
    }
}
