package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.ScriptedAnswer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicModelClientTest extends ModelClientContractTest {

    @Override
    ModelConfig config() {
        return ModelConfig.of(ModelProvider.ANTHROPIC, "claude-sonnet-4-5").withBaseUrl(server.baseUrl() + "/v1/");
    }

    @Override
    Map<String, String> env() {
        return Map.of("ANTHROPIC_API_KEY", KEY);
    }

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    void assertConversationOnTheWire(JsonNode body) {
        assertThat(systemText(body.path("system"))).isEqualTo("You are the reviewer.");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(text(messages.at("/0/content"))).isEqualTo("Review this patch.");
        assertThat(messages.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(text(messages.at("/1/content"))).isEqualTo("Which file?");
        assertThat(text(messages.at("/2/content"))).isEqualTo("Main.java");
    }

    @Override
    void assertSchemaOnTheWire(JsonNode body) {
        JsonNode format = body.at("/output_config/format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("schema")).isEqualTo(Json.MAPPER.valueToTree(SCHEMA));
    }

    @Override
    void assertSettingsOnTheWire(JsonNode body) {
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void sendsTheKeyAndTheApiVersionHeaders() throws Exception {
        server.script(ScriptedAnswer.text("ok"));

        client(Duration.ofSeconds(10)).complete(request(null));

        assertThat(only().header("x-api-key")).isEqualTo(KEY);
        assertThat(only().header("anthropic-version")).isNotBlank();
    }

    private static String systemText(JsonNode system) {
        return system.isArray() ? text(system) : system.asText();
    }

    /** Content as a string or as text blocks. */
    private static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }
}
