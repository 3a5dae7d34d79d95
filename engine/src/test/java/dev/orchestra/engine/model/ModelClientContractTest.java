package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every provider adapter does, checked against the scripted server speaking that provider's wire format. */
abstract class ModelClientContractTest {
    static final String KEY = "test-key-not-secret";
    static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("verdict", Map.of("type", "string")),
            "required", List.of("verdict"),
            "additionalProperties", false);

    final ScriptedModelServer server = ScriptedModelServer.start();

    /** The adapter's configuration, pointing at {@code server}. */
    abstract ModelConfig config();

    /** The environment the key comes from. */
    abstract Map<String, String> env();

    abstract String provider();

    abstract String path();

    /** The system prompt, then the user and assistant turns, are where the provider expects them. */
    abstract void assertConversationOnTheWire(JsonNode body);

    /** The request carries {@link #SCHEMA} as the provider's structured output. */
    abstract void assertSchemaOnTheWire(JsonNode body);

    /** Temperature, output limit (and seed where the provider takes one) are on the wire. */
    abstract void assertSettingsOnTheWire(JsonNode body);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void repliesWithTheTextAndTheTokensTheProviderCounted() throws Exception {
        server.script(ScriptedAnswer.text("hello there", 12, 3));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(null));

        assertThat(reply.text()).isEqualTo("hello there");
        assertThat(reply.inputTokens()).isEqualTo(12);
        assertThat(reply.outputTokens()).isEqualTo(3);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.model()).isEqualTo(config().model());
        assertThat(only().path()).isEqualTo(path());
    }

    @Test
    void reportsAReplyCutOffAtTheOutputLimit() throws Exception {
        server.script(ScriptedAnswer.lengthLimited("half an ans"));

        assertThat(client(Duration.ofSeconds(10)).complete(request(null)).finishReason()).isEqualTo("length");
    }

    @Test
    void anAnswerDeliveredAsAToolCallIsReadFromItsArguments() throws Exception {
        server.script(ScriptedAnswer.toolCall("answer", "{\"verdict\": \"approve\"}"));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(SCHEMA));

        assertThat(reply.text()).isNullOrEmpty();
        assertThat(AnswerReader.read(reply, "verdict").json().path("verdict").asText()).isEqualTo("approve");
    }

    @Test
    void aReplyWithNoContentIsAnAnswerProblemNotAnException() throws Exception {
        server.script(ScriptedAnswer.empty());

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(SCHEMA));

        assertThat(AnswerReader.read(reply, "verdict").problem()).contains("had no text");
    }

    @Test
    void aRefusalIsAnAnswerProblemThatQuotesTheModelNotAFailedCall() throws Exception {
        server.script(ScriptedAnswer.refusal("I can't help with that."));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(SCHEMA));

        assertThat(AnswerReader.read(reply, "verdict").problem()).contains("\"I can't help with that.\"");
    }

    @Test
    void anAnswerCutOffAtTheLimitIsRecognisedAsCutOff() throws Exception {
        server.script(ScriptedAnswer.lengthLimited("{\"verdict\": \"appr"));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(SCHEMA));

        assertThat(AnswerReader.read(reply, "verdict").cutOff()).isTrue();
    }

    @Test
    void structuredReplyArrivesAsJsonTextAndTheSchemaTravelsInTheProvidersFormat() throws Exception {
        server.script(ScriptedAnswer.text("{\"verdict\": \"approve\"}"));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(SCHEMA));

        assertThat(reply.text()).isEqualTo("{\"verdict\": \"approve\"}");
        assertSchemaOnTheWire(only().body());
    }

    @Test
    void systemPromptAndConversationArriveInTheProvidersFormat() throws Exception {
        server.script(ScriptedAnswer.text("ok"));

        client(Duration.ofSeconds(10)).complete(request(null));

        assertConversationOnTheWire(only().body());
        assertSettingsOnTheWire(only().body());
        assertThat(only().body().path("model").asText()).isEqualTo(config().model());
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() throws Exception {
        server.script(ScriptedAnswer.status(429, "1"), ScriptedAnswer.text("after the wait"));

        ModelReply reply = client(Duration.ofSeconds(10)).complete(request(null));

        assertThat(reply.text()).isEqualTo("after the wait");
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesServerErrorsUntilOneSucceeds() throws Exception {
        server.script(ScriptedAnswer.status(500), ScriptedAnswer.status(503), ScriptedAnswer.text("third time"));

        assertThat(client(Duration.ofSeconds(10)).complete(request(null)).text()).isEqualTo("third time");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void unauthorizedIsNotRetriedAndTheMessageNamesProviderAndStatusButNotTheKey() {
        server.script(ScriptedAnswer.status(401), ScriptedAnswer.text("never sent"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).complete(request(null)))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).startsWith(provider() + ": HTTP 401 Unauthorized after 1 attempt")
                            .doesNotContain(KEY);
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void contextOverflowIsNotRetriedWhateverTheStatus() {
        server.script(ScriptedAnswer.error(500, "This model's maximum context length is 8192 tokens."),
                ScriptedAnswer.text("never sent"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).complete(request(null)))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("(context overflow) after 1 attempt")
                .hasMessageContaining("maximum context length is 8192 tokens");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttemptNamingProviderStatusAndAttempts() {
        server.respondWith(request -> ScriptedAnswer.status(429, "0"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).complete(request(null)))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(provider() + ": HTTP 429 Too Many Requests after 4 attempts");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void malformedAndTruncatedBodiesAreRetried() throws Exception {
        server.script(ScriptedAnswer.malformed(), ScriptedAnswer.truncated(), ScriptedAnswer.text("whole"));

        assertThat(client(Duration.ofSeconds(10)).complete(request(null)).text()).isEqualTo("whole");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aHungServerIsCutOffByTheRequestTimeoutAndRetried() throws Exception {
        server.script(ScriptedAnswer.delayed(Duration.ofSeconds(30), ScriptedAnswer.text("too late")),
                ScriptedAnswer.text("in time"));

        assertThat(client(Duration.ofSeconds(1)).complete(request(null)).text()).isEqualTo("in time");
        assertThat(server.requests()).hasSize(2);
    }

    ModelClient client(Duration timeout) {
        RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(5));
        return ModelClients.create(config().withRequestTimeout(timeout), env(), fast);
    }

    static ModelRequest request(Map<String, Object> schema) {
        return new ModelRequest("run-1/review/1", "You are the reviewer.",
                List.of(new ModelRequest.Message(ModelRequest.Role.USER, "Review this patch."),
                        new ModelRequest.Message(ModelRequest.Role.ASSISTANT, "Which file?"),
                        new ModelRequest.Message(ModelRequest.Role.USER, "Main.java")),
                schema, schema == null ? null : "review", new ModelSettings(0.2, 42, 300));
    }

    RecordedRequest only() {
        assertThat(server.requests()).hasSize(1);
        return server.requests().get(0);
    }
}
