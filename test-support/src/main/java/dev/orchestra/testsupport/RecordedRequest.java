package dev.orchestra.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the {@link ScriptedModelServer} received.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param headers the headers, names in lower case
 * @param body the body as JSON (a missing node when it was not JSON)
 * @param receivedAt when the request arrived, before any scripted delay
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
                              Instant receivedAt) {

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code anthropic} for the messages API, {@code openai} for chat completions. */
    public String provider() {
        return WireFormat.forPath(path).name;
    }

    /** The system prompt, wherever the provider's format puts it; empty when there is none. */
    public String systemPrompt() {
        if (provider().equals("anthropic")) {
            JsonNode system = body.path("system");
            if (system.isArray()) {
                StringBuilder text = new StringBuilder();
                system.forEach(block -> text.append(block.path("text").asText()));
                return text.toString();
            }
            return system.asText("");
        }
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("system") || message.path("role").asText().equals("developer")) {
                return message.path("content").asText("");
            }
        }
        return "";
    }
}
