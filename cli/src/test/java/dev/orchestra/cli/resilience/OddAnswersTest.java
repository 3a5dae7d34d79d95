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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers in the odd shapes real models give, on the providers' real wire formats (OpenAI chat, Anthropic messages): no text, a tool call, a fence with
 * prose, a cut-off answer. Each ends in a clean retry or a clean, recorded failure with a bundle and one JSON object.
 */
class OddAnswersTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai:gpt-4o-mini, /v1", "anthropic:claude-sonnet-4-5, /v1/"})
    void answersWithNoTextOrAsToolCallsAreRetriedOrReadAndTheRunEndsWithTheCleanPatches(String model, String path)
            throws Exception {
        String clean;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(ModelFaultsTest::answer)) {
            clean = patches(run(server, model, path, temp.resolve("clean")), temp.resolve("clean"));
        }
        AtomicInteger plannerCalls = new AtomicInteger();
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(r -> odd(r, plannerCalls))) {
            CliRunner.Result result = run(server, model, path, temp.resolve("odd"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(patches(result, temp.resolve("odd"))).isEqualTo(clean);
            assertThat(plannerCalls).hasValue(2);
            JsonNode spent = Json.MAPPER.readTree(temp.resolve("odd/.orchestra/runs/o1/bundle/metrics.json").toFile())
                    .path("spent");
            assertThat(spent.path("repairCalls").asInt()).as("the planner's second try").isEqualTo(1);
            assertThat(spent.path("repairTokens").asLong()).isPositive();
            assertThat(temp.resolve("odd/.orchestra/runs/o1/bundle/SUMMARY.md")).content()
                    .contains("Adds power() to the calculator, with a test.");

            CliRunner.Result replay = Cli.orchestra(Map.of(), "replay", temp.resolve("odd/.orchestra/runs/o1").toString(),
                    "--json");
            assertThat(replay.exitCode()).as(replay.toString()).isZero();
            assertThat(Json.MAPPER.readTree(replay.out()).path("samePatches").asBoolean()).isTrue();
            try (Git git = Git.open(temp.resolve("odd").toFile())) {
                assertThat(git.branchList().call()).extracting(Ref::getName).noneMatch(name -> name.contains("replay"));
                assertThat(git.getRepository().getRefDatabase().getRefsByPrefix("refs/orchestra/"))
                        .extracting(Ref::getName).noneMatch(name -> name.contains("replay"));
            }
        }
    }

    /**
     * The run of issue 14: the code writer's blocks are indented one step too deep and the search text left out its
     * first line, which the replacement repeats. The run lands the same patches as the clean run, with no retry: the
     * line the search text left out keeps its indentation and the new method lands at the file's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai:gpt-4o-mini, /v1", "anthropic:claude-sonnet-4-5, /v1/"})
    void aWriterAnswerIndentedTooDeepWithoutItsFirstLineLandsWithNoUntouchedLineChanged(String model, String path)
            throws Exception {
        String clean;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(ModelFaultsTest::answer)) {
            clean = patches(run(server, model, path, temp.resolve("clean")), temp.resolve("clean"));
        }
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(r ->
                r.systemPrompt().contains("code writer") ? ScriptedAnswer.text(DRIFTED) : ModelFaultsTest.answer(r))) {
            CliRunner.Result result = run(server, model, path, temp.resolve("drifted"));

            assertThat(patches(result, temp.resolve("drifted"))).isEqualTo(clean);
            assertThat(server.requests()).filteredOn(r -> r.systemPrompt().contains("code writer")).hasSize(1);
        }
    }

    /** power() after multiply(), as a model sends it: prose, a fence, every line four columns too deep. */
    static final String DRIFTED = """
            I'll add power() right after multiply().

            ```java
            src/main/java/demo/Calculator.java
            <<<<<<< SEARCH
                        return a * b;
                    }
            =======
                    public int multiply(int a, int b) {
                        return a * b;
                    }

                    public int power(int base, int exponent) {
                        int result = 1;
                        for (int i = 0; i < exponent; i++) {
                            result *= base;
                        }
                        return result;
                    }
            >>>>>>> REPLACE
            ```""";

    @Test
    void aModelThatNeverAnswersInTextEndsInARecordedFailureWithABundleAndOneJsonObject() throws Exception {
        Path project = temp.resolve("anthropic");
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(r -> ScriptedAnswer.empty())) {
            CliRunner.Result result = run(server, "anthropic:claude-sonnet-4-5", "/v1/", project);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            JsonNode out = Json.MAPPER.readTree(result.out());
            assertThat(out.path("status").asText()).isEqualTo("failed");
            assertThat(result.out() + result.err()).contains("had no text");
            assertThat(project.resolve(".orchestra/runs/o1/bundle/bundle.json")).exists();
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void plansCutOffAtTheOutputLimitEndInAFailureThatNamesTheOptionToRaise() throws Exception {
        Path project = temp.resolve("cut");
        try (ScriptedModelServer server = ScriptedModelServer.start()
                .respondWith(r -> ScriptedAnswer.lengthLimited("{\"summary\": \"Add power\", \"steps\": [{\"id\""))) {
            CliRunner.Result result = run(server, "openai:gpt-4o-mini", "/v1", project);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(Json.MAPPER.readTree(result.out()).path("status").asText()).isEqualTo("failed");
            assertThat(result.out() + result.err()).contains("--max-output-tokens");
            assertThat(server.requests().get(1).body().toString()).contains("cut off at the output limit");
        }
    }

    /**
     * The first plan comes with no text, the second as a tool call; the code writer's edits come as a tool call (in
     * their JSON form), the test writer's blocks fenced with prose, CRLF line breaks and no final line break; the
     * account wraps its object.
     */
    private static ScriptedAnswer odd(RecordedRequest request, AtomicInteger plannerCalls) {
        ScriptedAnswer.Text answer = (ScriptedAnswer.Text) ModelFaultsTest.answer(request);
        String system = request.systemPrompt();
        if (system.contains("You are the planner")) {
            return plannerCalls.incrementAndGet() == 1 ? ScriptedAnswer.empty()
                    : ScriptedAnswer.toolCall("submit_plan", answer.text());
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.toolCall("edit", ModelFaultsTest.editsAsJson(ModelFaultsTest.CALCULATOR,
                    ModelFaultsTest.POWER_SEARCH, ModelFaultsTest.POWER_REPLACE));
        }
        if (system.contains("test writer")) {
            return ScriptedAnswer.text(("Here are the edits:\n\n```java\n" + answer.text() + "```\nThey add the test.")
                    .replace("\n", "\r\n"));
        }
        String text = answer.text().strip();
        return ScriptedAnswer.text(text.substring(0, text.length() - 1) + ",\n// what changed\n}");
    }

    private static CliRunner.Result run(ScriptedModelServer server, String model, String path, Path project)
            throws Exception {
        Files.createDirectories(project);
        SampleProject.writeTo(project);
        Cli.write(project, "check.sh", Cli.checkScript("hasPower", ModelFaultsTest.CALCULATOR, "int power("));
        Cli.commitAll(project, "initial");
        return Cli.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), "run", "--repo", project.toString(),
                "--task", "Add a power function to the calculator, with a test.", "--model", model,
                "--base-url", server.baseUrl() + path, "--api-key-env", "ORCHESTRA_TEST_KEY",
                "--validate", "sh check.sh", "--gates", "none", "--run-id", "o1", "--json");
    }

    private static String patches(CliRunner.Result result, Path project) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return ModelFaultsTest.diffParts(project.resolve(".orchestra/runs/o1/bundle/patches"));
    }
}
