package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.demo.SampleProject;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planner whose first plan names a protected file and a code writer whose first answer edits a file outside its step:
 * both are refused, asked again and corrected, and the run ends DONE — with both refusals on record in bundle.json and
 * SUMMARY.md, not only in the transcript. The account is given the ids of the tests it may name (here: the check the run made pass).
 */
class RefusalsOnRecordTest {
    @TempDir
    Path temp;

    @Test
    void refusalsOfAnswersThatWereCorrectedLaterAreInTheBundleAndTheSummary() throws Exception {
        Path project = temp.resolve("project");
        AtomicInteger plans = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(r -> answer(r, plans, writes))) {
            CliRunner.Result result = run(server, project);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode bundle = Json.MAPPER.readTree(project.resolve(".orchestra/runs/r1/bundle/bundle.json").toFile());
            List<String> refusals = new ArrayList<>();
            bundle.path("refusals").forEach(r -> refusals.add(r.asText()));
            assertThat(refusals).hasSize(2);
            assertThat(refusals.get(0)).startsWith("plan answer 1: step 'power' names a path it may not change: Jenkinsfile")
                    .contains("protected path");
            assertThat(refusals.get(1)).isEqualTo("power answer 1: edits to " + ModelFaultsTest.CALCULATOR_TEST
                    + " refused: outside the step's files");
            assertThat(project.resolve(".orchestra/runs/r1/bundle/SUMMARY.md")).content()
                    .contains("## Refused by policy", "plan answer 1: step 'power' names a path it may not change: Jenkinsfile",
                            "power answer 1: edits to");

            RecordedRequest account = server.requests().stream()
                    .filter(r -> r.systemPrompt().contains("reporter")).findFirst().orElseThrow();
            assertThat(account.body().toString()).contains("Tests passing again (1): demo.CheckTest#hasPower");
        }
    }

    private static ScriptedAnswer answer(RecordedRequest request, AtomicInteger plans, AtomicInteger writes) {
        String system = request.systemPrompt();
        if (system.contains("You are the planner") && plans.incrementAndGet() == 1) {
            return ScriptedAnswer.text("{\"summary\": \"Add power.\", \"steps\": ["
                    + ModelFaultsTest.step("power", "code-writer", "Add power and run it in CI.", "Jenkinsfile", List.of())
                    + "]}");
        }
        if (system.contains("code writer") && writes.incrementAndGet() == 1) {
            return ScriptedAnswer.text(ModelFaultsTest.edits(ModelFaultsTest.CALCULATOR_TEST, "import", "import"));
        }
        return ModelFaultsTest.answer(request);
    }

    private static CliRunner.Result run(ScriptedModelServer server, Path project) throws Exception {
        Files.createDirectories(project);
        SampleProject.writeTo(project);
        Cli.write(project, "check.sh", Cli.checkScript("hasPower", ModelFaultsTest.CALCULATOR, "int power("));
        Cli.commitAll(project, "initial");
        return Cli.orchestra(Map.of("ORCHESTRA_TEST_KEY", ModelFaultsTest.KEY), "run", "--repo", project.toString(),
                "--task", "Add a power function to the calculator, with a test.", "--model", "openai:gpt-4o-mini",
                "--base-url", server.baseUrl() + "/v1", "--api-key-env", "ORCHESTRA_TEST_KEY",
                "--validate", "sh check.sh", "--gates", "none", "--run-id", "r1", "--json");
    }
}
