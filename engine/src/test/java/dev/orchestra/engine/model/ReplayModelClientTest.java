package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayModelClientTest {
    private static final Map<String, String> ENV = Map.of("ANTHROPIC_API_KEY", "test-key-not-secret");

    @TempDir
    Path runDir;

    @Test
    void answersWhatWasRecordedForEachIdInRecordedOrderWithoutAServer() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start()) {
            server.script(ScriptedAnswer.text("plan v1", 100, 10), ScriptedAnswer.text("plan v2", 120, 12),
                    ScriptedAnswer.text("code", 50, 40));
            ModelClient live = ModelClients.recorded(config(server), ENV, runDir);
            live.complete(request("run-1/plan/1"));
            live.complete(request("run-1/plan/1"));
            live.complete(request("run-1/code/1"));
        }

        ReplayModelClient replay = ReplayModelClient.fromTranscript(runDir.resolve("transcript.jsonl"));

        assertThat(replay.complete(request("run-1/code/1")))
                .isEqualTo(new ModelReply("code", 50, 40, "stop", "claude-sonnet-4-5"));
        assertThat(replay.complete(request("run-1/plan/1")).text()).isEqualTo("plan v1");
        ModelReply second = replay.complete(request("run-1/plan/1"));
        assertThat(second.text()).isEqualTo("plan v2");
        assertThat(second.inputTokens()).isEqualTo(120);
    }

    @Test
    void aRequestTheTranscriptHasNoAnswerForFailsNamingTheId() throws Exception {
        Path transcript = runDir.resolve("transcript.jsonl");
        Files.writeString(transcript, line("run-1/plan/1", "the plan") + "\n");
        ReplayModelClient replay = ReplayModelClient.fromTranscript(transcript);
        replay.complete(request("run-1/plan/1"));

        assertThatThrownBy(() -> replay.complete(request("run-1/plan/1")))
                .isInstanceOf(ModelException.class).hasMessageContaining("no more model reply for `run-1/plan/1`");
        assertThatThrownBy(() -> replay.complete(request("run-1/test/2")))
                .isInstanceOf(ModelException.class).hasMessageContaining("has no model reply for `run-1/test/2`");
    }

    @Test
    void aRecordedFailureFailsAgain() throws Exception {
        Path transcript = runDir.resolve("transcript.jsonl");
        Files.writeString(transcript, """
                {"id":"run-1/plan/1","kind":"model","provider":"openai","model":"gpt-4o","response":null,\
                "error":{"message":"openai: HTTP 401 Unauthorized after 1 attempt","status":401,"retriable":false}}
                {"id":"run-1/plan/1","kind":"tool","command":"mvn test"}
                """);

        assertThatThrownBy(() -> ReplayModelClient.fromTranscript(transcript).complete(request("run-1/plan/1")))
                .isInstanceOf(ModelException.class)
                .hasMessage("openai: HTTP 401 Unauthorized after 1 attempt");
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber() throws Exception {
        Path transcript = runDir.resolve("transcript.jsonl");
        Files.writeString(transcript, line("a/b/1", "x") + "\n{\"id\": \"cut in the mid\n");

        assertThatThrownBy(() -> ReplayModelClient.fromTranscript(transcript))
                .isInstanceOf(BadInputException.class).hasMessage(transcript + ":2: not a JSON object");
    }

    private static String line(String id, String text) {
        return "{\"id\":\"" + id + "\",\"kind\":\"model\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"response\":{\"text\":\"" + text + "\",\"finishReason\":\"stop\",\"model\":\"gpt-4o\"},"
                + "\"error\":null,\"usage\":{\"inputTokens\":1,\"outputTokens\":2}}";
    }

    private static ModelConfig config(ScriptedModelServer server) {
        return ModelConfig.of(ModelProvider.ANTHROPIC, "claude-sonnet-4-5").withBaseUrl(server.baseUrl() + "/v1/")
                .withRequestTimeout(Duration.ofSeconds(10));
    }

    private static ModelRequest request(String id) {
        return new ModelRequest(id, "system", List.of(new ModelRequest.Message(ModelRequest.Role.USER, "go")),
                null, null, ModelSettings.DEFAULTS);
    }
}
