package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.demo.SampleProject;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import dev.orchestra.testsupport.SearchReplaceBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature task end to end with the orchestrator model, over the real OpenAI wire format to a
 * scripted server on loopback, with real Maven as the validation hook: a bad plan is repaired, an
 * edit that does not apply is retried, the failing test goes back to the model, the fix passes,
 * the account's false claim is flagged, and the replay of the transcript gives the same patches.
 */
class ModelRunTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";
    static final String CALCULATOR = "src/main/java/demo/Calculator.java";
    static final String CALCULATOR_TEST = "src/test/java/demo/CalculatorTest.java";

    @TempDir
    Path project;

    ScriptedModelServer server;
    final AtomicInteger plannerCalls = new AtomicInteger();
    final AtomicInteger writerCalls = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        SampleProject.writeTo(project);
        PersonIdent me = new PersonIdent("Test User", "test@example.invalid");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor(me).setCommitter(me).call();
        }
        server = ScriptedModelServer.start().respondWith(this::answer);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aFeatureTaskIsPlannedWrittenFixedUntilTheTestsPassAndReplaysToTheSamePatches() throws Exception {
        String maven = String.join(" ", dev.orchestra.engine.maven.MavenLocator.fromSystem().command(project));
        CliRunner.Result result = TestRepo.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), "run", "--repo", project.toString(),
                "--task", "Add a power function to the calculator, with a test.", "--model", "openai:gpt-4o-mini",
                "--base-url", server.baseUrl() + "/v1", "--api-key-env", "ORCHESTRA_TEST_KEY",
                "--validate", maven + " -B -q test", "--gates", "none", "--run-id", "m1", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(project.resolve(CALCULATOR)).content().contains("result *= base");
        assertThat(new TestRepo(project).log("orchestra/m1")).hasSize(4).first().asString().startsWith("fix1-power:");
        assertThat(out.get("metrics").get("fixIterations").asInt()).isEqualTo(1);
        assertThat(out.get("metrics").get("testsAfter").get("passed").asInt()).isEqualTo(5);

        Path runDir = project.resolve(".orchestra/runs/m1");
        String transcript = Files.readString(runDir.resolve("transcript.jsonl"));
        assertThat(transcript).contains("\"m1/plan/1\"", "\"m1/plan/2\"", "\"m1/power/2\"", "\"m1/fix-1/1\"")
                .doesNotContain(KEY);
        assertThat(runDir.resolve("bundle/SUMMARY.md")).content()
                .contains("The model's account", "src/main/java/demo/Ghost.java does not exist");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));

        int requestsBeforeReplay = server.requests().size();
        CliRunner.Result replay = TestRepo.orchestra(Map.of(), "replay", runDir.toString(), "--json");
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(Json.MAPPER.readTree(replay.out()).get("samePatches").asBoolean()).isTrue();
        assertThat(server.requests()).as("a replay calls no model").hasSize(requestsBeforeReplay);
    }

    @Test
    void aRunThatUsesUpItsModelCallsStopsWithExitThreeAndAPartialBundle() throws Exception {
        String maven = String.join(" ", dev.orchestra.engine.maven.MavenLocator.fromSystem().command(project));
        CliRunner.Result result = TestRepo.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), "run", "--repo", project.toString(),
                "--task", "Add a power function to the calculator, with a test.", "--model", "openai:gpt-4o-mini",
                "--base-url", server.baseUrl() + "/v1", "--api-key-env", "ORCHESTRA_TEST_KEY", "--max-model-calls", "3",
                "--validate", maven + " -B -q test", "--gates", "none", "--run-id", "b1", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("status").asText()).isEqualTo("budget_exhausted");
        assertThat(out.get("failure").asText()).contains("--max-model-calls");
        assertThat(server.requests()).as("at most the budget, never one more").hasSizeLessThanOrEqualTo(3);
        JsonNode bundle = Json.MAPPER.readTree(project.resolve(".orchestra/runs/b1/bundle/bundle.json").toFile());
        assertThat(bundle.get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(bundle.get("budgets").get("spent").get("modelCalls").asInt()).isEqualTo(3);
    }

    private ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        String user = userText(request);
        if (system.contains("asked to fix")) {
            return ScriptedAnswer.text(plan(step("power", "code-writer", "Fix power: it multiplies instead of raising to the power.",
                    CALCULATOR, "")));
        }
        if (system.contains("You are the planner")) {
            String file = plannerCalls.incrementAndGet() == 1 ? "src/main/java/demo/Calc.java" : CALCULATOR;
            return ScriptedAnswer.text(plan(step("power", "code-writer", "Add power(int base, int exponent) to Calculator.", file, "")
                    + "," + step("power-test", "test-writer", "Test power.", CALCULATOR_TEST, "power")));
        }
        if (system.contains("test writer")) {
            return ScriptedAnswer.text(edits(CALCULATOR_TEST, "    @Test(expected = ArithmeticException.class)",
                    "    @Test\n    public void raisesToAPower() {\n        assertEquals(8, calculator.power(2, 3));\n    }\n\n"
                            + "    @Test(expected = ArithmeticException.class)"));
        }
        if (system.contains("code writer") && user.contains("Fix power")) {
            return ScriptedAnswer.text(edits(CALCULATOR, "        return base * exponent;",
                    "        int result = 1;\n        for (int i = 0; i < exponent; i++) {\n            result *= base;\n        }\n"
                            + "        return result;"));
        }
        if (system.contains("code writer")) {
            String search = writerCalls.incrementAndGet() == 1 ? "    public int modulo(int a, int b) {"
                    : "    public int divide(int a, int b) {";
            return ScriptedAnswer.text(edits(CALCULATOR, search, "    public int power(int base, int exponent) {\n"
                    + "        return base * exponent;\n    }\n\n    public int divide(int a, int b) {"));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(json(Map.of("changes", "Adds power() to the calculator, with a test.",
                    "risks", List.of("Negative exponents are not handled."),
                    "files", List.of(CALCULATOR, "src/main/java/demo/Ghost.java"),
                    "tests", List.of("demo.CalculatorTest#raisesToAPower"))));
        }
        return ScriptedAnswer.status(400);
    }

    private static String userText(RecordedRequest request) {
        StringBuilder text = new StringBuilder();
        request.body().path("messages").forEach(m -> text.append(m.path("content").asText()).append('\n'));
        return text.toString();
    }

    private static String step(String id, String agent, String instructions, String file, String needs) {
        return json(Map.of("id", id, "agent", agent, "instructions", instructions, "files", List.of(file),
                "new_files", List.of(), "needs", needs.isEmpty() ? List.of() : List.of(needs),
                "acceptance", "The tests pass."));
    }

    private static String plan(String steps) {
        return "{\"summary\": \"Add power with a test.\", \"steps\": [" + steps + "]}";
    }

    private static String edits(String path, String search, String replace) {
        return SearchReplaceBlocks.text("Does what the step asks.", path, search, replace);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
