package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies as real models give them, read the same way for the planner, the writers, the reviewer and the account. */
class AnswerReaderTest {
    static final String PLAN = "{\"summary\": \"Greets.\", \"steps\": [{\"id\": \"greet\"}]}";

    static Stream<Arguments> readableReplies() {
        return Stream.of(
                Arguments.of("bare", PLAN),
                Arguments.of("bare with blank lines around", "\n\n  " + PLAN + "\n"),
                Arguments.of("fenced with a language tag", "```json\n" + PLAN + "\n```"),
                Arguments.of("fenced without a tag", "```\n" + PLAN + "\n```"),
                Arguments.of("fenced on one line", "```json " + PLAN + "```"),
                Arguments.of("prose before and after a fence", "Here is the plan:\n\n```json\n" + PLAN
                        + "\n```\n\nLet me know if you want changes."),
                Arguments.of("prose before and after, no fence", "Sure! " + PLAN + " Hope this helps."),
                Arguments.of("trailing commas", "{\"summary\": \"Greets.\", \"steps\": [{\"id\": \"greet\",},],}"),
                Arguments.of("comments", "{\n  // the one step\n  \"summary\": \"Greets.\", /* why */ \"steps\": "
                        + "[{\"id\": \"greet\"}]\n}"),
                Arguments.of("an example object in prose before the answer", "The schema wants `{}` at the top, so:\n"
                        + PLAN),
                Arguments.of("a fenced example, then the answer", "Format:\n```json\n{\"example\": true}\n```\nAnswer:\n"
                        + "```json\n" + PLAN + "\n```"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableReplies")
    void readsTheObjectTheModelMeant(String shape, String text) {
        AnswerReader.Answer answer = AnswerReader.read(reply(text, "stop"), "steps");

        assertThat(answer.problem()).as(shape).isNull();
        assertThat(answer.json().path("steps").get(0).path("id").asText()).isEqualTo("greet");
    }

    @Test
    void readsTheArgumentsOfAToolCallWhenTheyHoldTheAnswer() {
        ModelReply reply = new ModelReply(null, 10, 5, "tool_execution", "m", PLAN);

        assertThat(AnswerReader.read(reply, "steps").json().path("summary").asText()).isEqualTo("Greets.");
    }

    @Test
    void aToolCallHoldingTheAnswerWinsOverProseWithNoObject() {
        ModelReply reply = new ModelReply("I'll submit the plan with the tool.", 10, 5, "tool_execution", "m", PLAN);

        assertThat(AnswerReader.read(reply, "steps").readable()).isTrue();
    }

    @Test
    void aToolCallWithOtherArgumentsIsAProblemThatAsksForNoToolCall() {
        ModelReply reply = new ModelReply("", 10, 5, "tool_execution", "m", "not json at all");

        AnswerReader.Answer answer = AnswerReader.read(reply, "steps");

        assertThat(answer.readable()).isFalse();
        assertThat(answer.problem()).contains("tool call", "Call no tool");
    }

    static Stream<Arguments> unreadableReplies() {
        return Stream.of(
                Arguments.of("no text at all", null, "stop", "had no text"),
                Arguments.of("empty text", "", "stop", "had no text"),
                Arguments.of("only blanks", " \n ", "other", "had no text (the model stopped: other)"),
                Arguments.of("a filtered reply", "", "content_filter", "was a refusal"),
                Arguments.of("a refusal the provider marked", "I can't help with that.", "refusal",
                        "Your reply was a refusal (\"I can't help with that.\")"),
                Arguments.of("a refusal in prose", "I'm sorry, but I can't help with that.", "stop",
                        "holds no valid JSON object (it is prose: \"I'm sorry, but I can't help with that.\")"),
                Arguments.of("broken JSON", "{\"steps\": [ {\"id\": ", "stop", "holds no valid JSON object"),
                Arguments.of("a JSON list", "[1, 2]", "stop", "holds no valid JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableReplies")
    void anUnreadableReplyIsAProblemForTheRetryNeverAnException(String shape, String text, String finish,
                                                                   String problem) {
        AnswerReader.Answer answer = AnswerReader.read(reply(text, finish), "steps");

        assertThat(answer.readable()).as(shape).isFalse();
        assertThat(answer.problem()).contains(problem);
        assertThat(answer.cutOff()).isFalse();
    }

    @Test
    void anAnswerCutOffAtTheOutputLimitAsksForAShorterAnswer() {
        for (String finish : new String[] {"length", "max_tokens"}) {
            AnswerReader.Answer answer = AnswerReader.read(reply("{\"steps\": [{\"id\": \"gre", finish), "steps");

            assertThat(answer.cutOff()).as(finish).isTrue();
            assertThat(answer.problem()).contains("cut off at the output limit", "shorter answer")
                    .doesNotContain("not valid JSON");
        }
    }

    @Test
    void aCompleteObjectIsUsedEvenWhenTheProviderSaysTheLimitWasReached() {
        assertThat(AnswerReader.read(reply(PLAN, "length"), "steps").readable()).isTrue();
    }

    @Test
    void theFinalFailureAfterCutOffAnswersNamesTheOptionToRaise() {
        assertThat(AnswerReader.cutOffAdvice(ModelSettings.DEFAULTS)).contains("--max-output-tokens",
                String.valueOf(ModelSettings.DEFAULTS.maxOutputTokens()));
    }

    @Test
    void anEmptyReplyGoesBackIntoTheConversationAsAPlaceholderNotAsNothing() {
        assertThat(AnswerReader.asTurn(reply(null, "stop"))).isEqualTo("(no text)");
        assertThat(AnswerReader.asTurn(new ModelReply(null, 1, 1, "tool_execution", "m", PLAN))).isEqualTo(PLAN);
    }

    static final String BLOCK = """
            src/Greeter.java
            <<<<<<< SEARCH
                String greet() {
                    return "hello";
            =======
                String greet() {
                    return "bonjour";
            >>>>>>> REPLACE
            """;

    static Stream<Arguments> editBlockReplies() {
        String block = BLOCK.strip();
        String body = block.substring(block.indexOf('\n') + 1);
        return Stream.of(
                Arguments.of("bare", block),
                Arguments.of("prose before, fenced, path inside the fence", "Greets in French.\n\n```java\n" + block
                        + "\n```\n"),
                Arguments.of("path above the fence, prose after", "Greets in French.\n\nsrc/Greeter.java\n```java\n"
                        + body + "\n```\n\nLet me know if you want more."),
                Arguments.of("CRLF line breaks", ("Greets in French.\n\n" + block + "\n").replace("\n", "\r\n")),
                Arguments.of("no final line break after the fence", "Greets in French.\n```\n" + block + "\n```"),
                Arguments.of("no final line break after the block", "Greets in French.\n" + block),
                Arguments.of("path in backticks, bold, with a colon", "Greets in French.\n\n**`src/Greeter.java`:**\n"
                        + body),
                Arguments.of("path as a heading, fenced with tildes", "Greets in French.\n### src/Greeter.java\n~~~\n"
                        + body + "\n~~~"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editBlockReplies")
    void readsSearchReplaceBlocksAsTheSameEditsAsTheirJson(String shape, String text) {
        AnswerReader.Answer answer = AnswerReader.read(reply(text, "stop"), "edits");

        assertThat(answer.problem()).as(shape).isNull();
        assertThat(answer.json().path("edits")).hasSize(1);
        assertThat(answer.json().at("/edits/0/path").asText()).isEqualTo("src/Greeter.java");
        assertThat(answer.json().at("/edits/0/search").asText())
                .isEqualTo("    String greet() {\n        return \"hello\";\n");
        assertThat(answer.json().at("/edits/0/replace").asText())
                .isEqualTo("    String greet() {\n        return \"bonjour\";\n");
        assertThat(answer.json().path("rationale").asText()).startsWith(shape.equals("bare") ? "" : "Greets in French.");
    }

    @Test
    void readsSeveralBlocksABlockWithoutAPathIsForTheFileBeforeAndAnEmptySearchCreatesAFile() {
        String text = "Adds a greeting.\n\n" + BLOCK + "<<<<<<< SEARCH\n        return \"bye\";\n=======\n"
                + "        return \"au revoir\";\n>>>>>>> REPLACE\n\nsrc/Farewell.md\n<<<<<<< SEARCH\n=======\n"
                + "# Farewell\n\n=====\n>>>>>>> REPLACE\n";

        AnswerReader.Answer answer = AnswerReader.read(reply(text, "stop"), "edits");

        assertThat(answer.json().path("edits")).extracting(edit -> edit.path("path").asText())
                .containsExactly("src/Greeter.java", "src/Greeter.java", "src/Farewell.md");
        assertThat(answer.json().at("/edits/2/search").asText()).isEmpty();
        assertThat(answer.json().at("/edits/2/replace").asText()).isEqualTo("# Farewell\n\n=====\n");
        assertThat(answer.json().path("rationale").asText()).isEqualTo("Adds a greeting.");
    }

    @Test
    void theJsonFormOfEditsIsStillRead() {
        String json = "{\"edits\": [{\"path\": \"src/Greeter.java\", \"search\": \"a\", \"replace\": \"b\"}],"
                + " \"rationale\": \"Greets.\"}";

        assertThat(AnswerReader.read(reply("```json\n" + json + "\n```", "stop"), "edits").json()
                .at("/edits/0/replace").asText()).isEqualTo("b");
    }

    static Stream<Arguments> brokenEditBlocks() {
        String block = BLOCK.strip();
        return Stream.of(
                Arguments.of("no path", block.substring(block.indexOf('\n') + 1), "stop", "Block 1 names no file"),
                Arguments.of("no divider", block.replace("=======\n", ""), "stop",
                        "Block 1 (src/Greeter.java) has no ======= line"),
                Arguments.of("no end", block.replace(">>>>>>> REPLACE", ""), "stop",
                        "Block 1 (src/Greeter.java) has no >>>>>>> REPLACE line"),
                Arguments.of("cut off inside a block", block.substring(0, 80), "length", "cut off at the output limit"),
                Arguments.of("cut off after a whole block", block, "max_tokens", "cut off at the output limit"),
                Arguments.of("prose only", "I would change the greeting to French.", "stop",
                        "holds no edit blocks and no valid JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEditBlocks")
    void brokenOrCutOffEditBlocksAreAProblemForTheRetry(String shape, String text, String finish, String problem) {
        AnswerReader.Answer answer = AnswerReader.read(reply(text, finish), "edits");

        assertThat(answer.readable()).as(shape).isFalse();
        assertThat(answer.problem()).contains(problem);
        assertThat(answer.cutOff()).isEqualTo(finish.equals("length") || finish.equals("max_tokens"));
    }

    @Test
    void aPlannerReadsNoEditBlocks() {
        assertThat(AnswerReader.read(reply(BLOCK, "stop"), "steps").problem()).contains("holds no valid JSON object");
    }

    private static ModelReply reply(String text, String finishReason) {
        return new ModelReply(text, 10, 5, finishReason, "m");
    }
}
