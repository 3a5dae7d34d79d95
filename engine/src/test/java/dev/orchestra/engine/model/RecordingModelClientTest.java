package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingModelClientTest {
    private static final String KEY = "test-key-not-secret";
    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", KEY);

    private final ScriptedModelServer server = ScriptedModelServer.start();
    @TempDir
    Path runDir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void writesOneLinePerCallWithRequestReplyUsageCostAndRetries() throws Exception {
        server.script(ScriptedAnswer.status(503, "0"), ScriptedAnswer.text("{\"verdict\":\"ok\"}", 1000, 200));

        client().complete(ModelClientContractTest.request(ModelClientContractTest.SCHEMA));

        JsonNode line = onlyLine();
        assertThat(line.path("id").asText()).isEqualTo("run-1/review/1");
        assertThat(line.path("kind").asText()).isEqualTo("model");
        assertThat(line.path("provider").asText()).isEqualTo("openai");
        assertThat(line.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(line.at("/request/system").asText()).isEqualTo("You are the reviewer.");
        assertThat(line.at("/request/messages/0/text").asText()).isEqualTo("Review this patch.");
        assertThat(line.at("/request/schema").asText()).isEqualTo("review");
        assertThat(line.at("/response/text").asText()).isEqualTo("{\"verdict\":\"ok\"}");
        assertThat(line.at("/usage/inputTokens").asLong()).isEqualTo(1000);
        assertThat(line.at("/usage/outputTokens").asLong()).isEqualTo(200);
        assertThat(line.path("cost").asDouble()).isEqualTo((1000 * 2.50 + 200 * 10.00) / 1_000_000);
        assertThat(line.path("retries").asInt()).isEqualTo(1);
        assertThat(line.path("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(line.path("timestamp").asText()).isNotBlank();
    }

    @Test
    void theKeyNeverReachesTheTranscriptEvenWhenTheServerEchoesIt() throws Exception {
        server.respondWith(request -> ScriptedAnswer.text("you sent " + request.header("authorization")));
        ModelRequest request = new ModelRequest("run-1/plan/1", "planner; key " + KEY,
                List.of(new ModelRequest.Message(ModelRequest.Role.USER, "use " + FakeKeys.anthropic())),
                null, null, ModelSettings.DEFAULTS);

        ModelReply reply = client().complete(request);

        assertThat(reply.text()).contains(KEY);
        String transcript = Files.readString(runDir.resolve("transcript.jsonl"));
        assertThat(transcript).doesNotContain(KEY).doesNotContain(FakeKeys.anthropic()).contains("[REDACTED]");
    }

    @Test
    void aFailedCallIsRecordedWithItsErrorAndAttempts() {
        server.respondWith(request -> ScriptedAnswer.status(429, "0"));

        assertThatThrownBy(() -> client().complete(ModelClientContractTest.request(null)))
                .isInstanceOf(ModelException.class);

        JsonNode line = onlyLine();
        assertThat(line.path("response").isNull()).isTrue();
        assertThat(line.at("/error/status").asInt()).isEqualTo(429);
        assertThat(line.at("/error/message").asText()).startsWith("openai: HTTP 429 Too Many Requests after 4 attempts");
        assertThat(line.path("retries").asInt()).isEqualTo(3);
    }

    @Test
    void parallelCallsEachWriteOneWholeLine() throws Exception {
        server.respondWith(request -> ScriptedAnswer.text("x".repeat(5000)));
        ModelClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ModelReply>> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ModelRequest request = new ModelRequest("run-1/step-" + i + "/1", "s",
                    List.of(new ModelRequest.Message(ModelRequest.Role.USER, "go")), null, null, null);
            replies.add(pool.submit(() -> client.complete(request)));
        }
        for (Future<ModelReply> reply : replies) {
            reply.get();
        }
        pool.shutdown();

        List<String> lines = Files.readAllLines(runDir.resolve("transcript.jsonl"));
        assertThat(lines).hasSize(40);
        for (String line : lines) {
            assertThat(Json.MAPPER.readTree(line).at("/response/text").asText()).hasSize(5000);
        }
    }

    private ModelClient client() {
        ModelConfig config = ModelConfig.of(ModelProvider.OPENAI, "gpt-4o").withBaseUrl(server.baseUrl() + "/v1")
                .withRequestTimeout(Duration.ofSeconds(10));
        TranscriptWriter transcript = TranscriptWriter.inRunFolder(runDir, SecretRedactor.fromEnvironment(ENV));
        RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofSeconds(5));
        return new RecordingModelClient(ModelClients.create(config, ENV, fast), transcript, config);
    }

    private JsonNode onlyLine() {
        try {
            List<String> lines = Files.readAllLines(runDir.resolve("transcript.jsonl"));
            assertThat(lines).hasSize(1);
            return Json.MAPPER.readTree(lines.get(0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
