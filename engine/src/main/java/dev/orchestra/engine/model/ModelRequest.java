package dev.orchestra.engine.model;

import java.util.List;
import java.util.Map;

/**
 * One request to a model.
 *
 * @param correlationId {@code run/step/attempt}, written with the call into the transcript
 * @param system the system prompt (the agent's contract)
 * @param messages the conversation, oldest first (user and assistant turns)
 * @param responseSchema a JSON schema the reply must follow (structured output), or null for free text
 * @param schemaName a short name for the schema (providers require one), or null
 * @param settings temperature, seed and output limit
 */
public record ModelRequest(String correlationId, String system, List<Message> messages,
                           Map<String, Object> responseSchema, String schemaName, ModelSettings settings) {
    public ModelRequest {
        messages = List.copyOf(messages);
    }

    /** One turn of the conversation. */
    public record Message(Role role, String text) {}

    /** Who said a message. */
    public enum Role { USER, ASSISTANT }
}
