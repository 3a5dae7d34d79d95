package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.model.DeterministicModel;
import dev.orchestra.engine.model.ModelSettings;
import dev.orchestra.engine.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelAgentTest {
    static final String FILE = "src/Greeter.java";
    static final String ORIGINAL = "class Greeter {\n    String greet() {\n        return \"hello\";\n    }\n}\n";

    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve(FILE), ORIGINAL);
    }

    private AgentResult run(String agent, DeterministicModel model) throws Exception {
        AgentRegistry registry = ModelAgents.register(new AgentRegistry(), model, ModelSettings.DEFAULTS, reply -> 0.01);
        Step step = new Step("greet", agent, "Greet in French.", List.of(FILE), List.of(), Map.of(), "Says bonjour.");
        return registry.create(step).run(new AgentTask("greet", step.instructions(), Map.of(), step.scope(), work,
                work.resolve("greet.log"), Duration.ofMinutes(1)));
    }

    private static String edit(String search, String replace) {
        return "{\"edits\": [{\"path\": \"" + FILE + "\", \"search\": \"" + search + "\", \"replace\": \"" + replace
                + "\"}], \"rationale\": \"French greeting.\"}";
    }

    private static String block(String search, String replace) {
        return "Greets in French.\n\n```java\n" + FILE + "\n<<<<<<< SEARCH\n" + search + "=======\n" + replace
                + ">>>>>>> REPLACE\n```";
    }

    @Test
    void writersAreAskedForSearchReplaceBlocksInPlainTextAndTheirBlocksLand() throws Exception {
        DeterministicModel model = new DeterministicModel(
                block("        return \"hello\";\n", "        return \"bonjour\";\n").replace("\n", "\r\n"));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(work.resolve(FILE)).hasContent(ORIGINAL.replace("hello", "bonjour").strip());
        assertThat(model.requests().get(0).system()).contains("<<<<<<< SEARCH", "not JSON");
        assertThat(model.requests().get(0).responseSchema()).isNull();
        assertThat(result.summary()).endsWith("Greets in French.");
    }

    @Test
    void anIndentationTheMatcherCannotExplainGoesBackWithTheMatchedLinesAndTheRetryLands() throws Exception {
        DeterministicModel model = new DeterministicModel(
                block("  String greet() {\n      return \"hello\";\n", "  String greet() {\n      return \"bonjour\";\n"),
                block("    String greet() {\n        return \"hello\";\n", "    String greet() {\n        return \"bonjour\";\n"));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(work.resolve(FILE)).hasContent(ORIGINAL.replace("hello", "bonjour").strip());
        String retry = DeterministicModel.text(model.requests().get(1));
        assertThat(retry).contains("search text is indented differently from the file",
                "2|     String greet() {\n3|         return \"hello\";");
    }

    @Test
    void anEditThatDoesNotApplyGoesBackWithTheReasonAndTheRetryLands() throws Exception {
        DeterministicModel model = new DeterministicModel(
                edit("return \\\"hallo\\\";", "return \\\"bonjour\\\";"),
                edit("return \\\"hello\\\";", "return \\\"bonjour\\\";"));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(work.resolve(FILE)).content().contains("return \"bonjour\";");
        assertThat(model.requests()).hasSize(2);
        String retry = DeterministicModel.text(model.requests().get(1));
        assertThat(retry).contains("did not apply").contains("return \"hello\";");
        assertThat(model.requests().get(1).correlationId()).isEqualTo("greet/2");
        assertThat(result.usage().modelCalls()).isEqualTo(2);
        assertThat(result.usage().cost()).isEqualTo(0.02);
    }

    @Test
    void editsThatNeverApplyFailTheStepAndLeaveTheFileAlone() throws Exception {
        String wrong = edit("return \\\"hallo\\\";", "return \\\"bonjour\\\";");
        DeterministicModel model = new DeterministicModel(wrong, wrong, wrong);

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.FAILED);
        assertThat(result.summary()).contains("no usable answer after 3 attempts");
        assertThat(work.resolve(FILE)).hasContent(ORIGINAL.strip());
    }

    @Test
    void anEditOutsideTheStepsFilesIsSentBackAndNothingIsWritten() throws Exception {
        DeterministicModel model = new DeterministicModel(
                "{\"edits\": [{\"path\": \"Jenkinsfile\", \"search\": \"\", \"replace\": \"sh 'curl evil'\"}], \"rationale\": \"x\"}",
                edit("return \\\"hello\\\";", "return \\\"bonjour\\\";"));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(work.resolve("Jenkinsfile")).doesNotExist();
        assertThat(DeterministicModel.text(model.requests().get(1))).contains("not in your step: Jenkinsfile");
    }

    @Test
    void aReviewersFindingsBecomeNotesAndChangeNoFile() throws Exception {
        DeterministicModel model = new DeterministicModel("{\"findings\": [{\"severity\": \"warning\", \"file\": \"" + FILE
                + "\", \"line\": 3, \"message\": \"Hard-coded greeting.\"}], \"verdict\": \"Fit to merge after a look.\"}");

        AgentResult result = run("reviewer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.file()).isEqualTo(FILE);
            assertThat(note.line()).isEqualTo(3);
            assertThat(note.severity()).isEqualTo("warning");
        });
        assertThat(work.resolve(FILE)).hasContent(ORIGINAL.strip());
    }

    @Test
    void theContextFencesTheFilesAsDataAndNamesTheAcceptanceCheck() throws Exception {
        DeterministicModel model = new DeterministicModel(edit("return \\\"hello\\\";", "return \\\"bonjour\\\";"));
        run("code-writer", model);
        String prompt = DeterministicModel.text(model.requests().get(0));
        assertThat(prompt).contains("Says bonjour.", "Greet in French.", "return \"hello\";", FILE);
    }

    @Test
    void aWriterReplyWithNoTextIsRetriedAndAToolCallHoldingTheEditsLands() throws Exception {
        DeterministicModel model = DeterministicModel.replying(DeterministicModel.noText(null),
                DeterministicModel.noText(edit("return \\\"hello\\\";", "return \\\"bonjour\\\";")));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(work.resolve(FILE)).content().contains("return \"bonjour\";");
        assertThat(DeterministicModel.text(model.requests().get(1))).contains("Your reply had no text");
    }

    @Test
    void cutOffEditsAskForAShorterAnswerAndTheFailureNamesTheOutputLimitOption() throws Exception {
        String half = edit("return \\\"hello\\\";", "return \\\"bonjour\\\";").substring(0, 50);
        DeterministicModel model = DeterministicModel.replying(DeterministicModel.cutOff(half),
                DeterministicModel.cutOff(half + " "), DeterministicModel.cutOff(half + "  "));

        AgentResult result = run("code-writer", model);

        assertThat(result.status()).isEqualTo(AgentResult.Status.FAILED);
        assertThat(DeterministicModel.text(model.requests().get(1))).contains("cut off at the output limit");
        assertThat(model.requests()).extracting(r -> r.settings().maxOutputTokens()).containsExactly(4096, 8192, 8192);
        assertThat(work.resolve(FILE)).content().isEqualTo(ORIGINAL);
        assertThat(result.summary()).contains("--max-output-tokens", "and at 8192 on a retry");
    }
}
