package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden files of the {@code --json} contract ({@code src/test/resources/contract/}), which the Jenkins plugin's
 * tests read: what the command line prints at the patch gate, and on bad input, with the values that change from run
 * to run (folders, commits, times, durations) replaced. A renamed or dropped field fails here, and the plugin's
 * tests fail on the fixture. After a deliberate change, write the files again with
 * {@code -Dorchestra.updateContract=true}, and update the plugin.
 */
class JsonContractTest {
    static final Path FIXTURES = Path.of("src/test/resources/contract");

    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    Path workflow;

    @BeforeEach
    void setUp() throws Exception {
        TestRepo repo = TestRepo.create(repoDir);
        workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: echo hello > greeting.txt
                """);
    }

    @Test
    void aRunAtThePatchGateIsPrintedAsTheContractSays() throws Exception {
        CliRunner.Result atPlan = TestRepo.orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--run-id", "r1", "--json");
        assertThat(atPlan.exitCode()).as(atPlan.toString()).isEqualTo(10);
        CliRunner.Result atPatch = TestRepo.orchestra("resume", "--repo", repoDir.toString(), "--approve", "--by", "alice", "--json");
        assertThat(atPatch.exitCode()).as(atPatch.toString()).isEqualTo(10);
        assertGolden("run-result-at-patch-gate.json", normalized(atPatch.out()));
    }

    @Test
    void badInputIsPrintedAsTheContractSays() throws Exception {
        CliRunner.Result refused = TestRepo.orchestra("resume", "--repo", repoDir.toString(), "--run-id", "nope", "--json");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertGolden("cli-error-bad-input.json", normalized(refused.out()));
    }

    private String normalized(String stdout) throws IOException {
        String text = stdout.replace(repoDir.toRealPath().toString(), "<repo>").replace(repoDir.toString(), "<repo>")
                .replace(outside.toRealPath().toString(), "<outside>").replace(outside.toString(), "<outside>")
                .replaceAll("[0-9a-f]{40}", "<commit>").replaceAll("\\b[0-9a-f]{10}\\b", "<commit>");
        JsonNode tree = Json.MAPPER.readTree(text);
        if (tree.has("metrics")) {
            zeroNumbersAndTimes(tree.get("metrics"));
        }
        return Json.MAPPER.writeValueAsString(tree) + "\n";
    }

    /** Durations, times and costs differ between runs; the fields and their kinds are the contract. */
    private static void zeroNumbersAndTimes(JsonNode node) {
        zero(node, false);
    }

    private static void zero(JsonNode node, boolean measured) {
        if (!(node instanceof ObjectNode object)) {
            node.forEach(child -> zero(child, measured));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean timing = measured || field.getKey().matches("(?i).*(millis|seconds|cost|wait|elapsed).*");
            if (value.isNumber() && timing) {
                object.put(field.getKey(), 0);
            } else if (value.isTextual() && value.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                object.set(field.getKey(), TextNode.valueOf("<time>"));
            } else {
                zero(value, timing);
            }
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = FIXTURES.resolve(name);
        if (Boolean.getBoolean("orchestra.updateContract") || !Files.exists(file)) {
            Files.createDirectories(FIXTURES);
            Files.writeString(file, actual);
        }
        assertThat(actual).as("the --json contract (" + file + "); after a deliberate change run with"
                + " -Dorchestra.updateContract=true and update the Jenkins plugin").isEqualTo(Files.readString(file));
    }
}
