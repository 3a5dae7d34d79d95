package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;

/** The contract for providers spoken to with OpenAI's chat completions format. */
abstract class OpenAiFormatContract extends ModelClientContractTest {

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    void assertConversationOnTheWire(JsonNode body) {
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.at("/0/role").asText()).isEqualTo("system");
        assertThat(messages.at("/0/content").asText()).isEqualTo("You are the reviewer.");
        assertThat(messages.at("/1/role").asText()).isEqualTo("user");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Review this patch.");
        assertThat(messages.at("/2/role").asText()).isEqualTo("assistant");
        assertThat(messages.at("/2/content").asText()).isEqualTo("Which file?");
        assertThat(messages.at("/3/content").asText()).isEqualTo("Main.java");
    }

    @Override
    void assertSchemaOnTheWire(JsonNode body) {
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("review");
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(Json.MAPPER.valueToTree(SCHEMA));
    }

    @Override
    void assertSettingsOnTheWire(JsonNode body) {
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("seed").asInt()).isEqualTo(42);
        assertThat(body.has("max_tokens") ? body.path("max_tokens").asInt()
                : body.path("max_completion_tokens").asInt()).isEqualTo(300);
    }
}
