package dev.orchestra.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers model requests from a recorded {@code transcript.jsonl}, with no network: each correlation id gets the
 * replies recorded for it, in recorded order; recorded failures fail again. This is what {@code orchestra replay}
 * runs a run with.
 */
public final class ReplayModelClient implements ModelClient {
    private final Path transcript;
    private final Map<String, Deque<JsonNode>> calls;

    private ReplayModelClient(Path transcript, Map<String, Deque<JsonNode>> calls) {
        this.transcript = transcript;
        this.calls = calls;
    }

    /** Reads the model calls of a transcript; a line that is not a JSON object is reported as {@code file:line}. */
    public static ReplayModelClient fromTranscript(Path transcript) {
        List<String> lines;
        try {
            lines = Files.readAllLines(transcript);
        } catch (IOException e) {
            throw new BadInputException(transcript + ": cannot read the transcript: " + e.getMessage(), e);
        }
        Map<String, Deque<JsonNode>> calls = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode call = parse(transcript, i + 1, lines.get(i));
            if (call.path("kind").asText().equals("model")) {
                calls.computeIfAbsent(call.path("id").asText(), id -> new ArrayDeque<>()).add(call);
            }
        }
        return new ReplayModelClient(transcript, calls);
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        JsonNode call = next(request.correlationId());
        if (call == null) {
            throw new ModelException("replay", 0, false, -1, "replay: " + transcript + " has no"
                    + (calls.containsKey(request.correlationId()) ? " more" : "") + " model reply for `"
                    + request.correlationId() + "`", null);
        }
        JsonNode error = call.path("error");
        if (error.isObject()) {
            throw new ModelException(call.path("provider").asText(), error.path("status").asInt(),
                    error.path("retriable").asBoolean(), -1, error.path("message").asText(), null);
        }
        JsonNode response = call.path("response");
        return new ModelReply(textOrNull(response, "text"), call.at("/usage/inputTokens").asLong(),
                call.at("/usage/outputTokens").asLong(), response.path("finishReason").asText(),
                response.path("model").asText(call.path("model").asText()),
                textOrNull(response, "toolArguments"), call.at("/usage/estimated").asBoolean(false));
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private JsonNode next(String id) {
        Deque<JsonNode> replies = calls.get(id);
        if (replies == null) {
            return null;
        }
        synchronized (replies) {
            return replies.poll();
        }
    }

    private static JsonNode parse(Path transcript, int line, String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new BadInputException(transcript + ":" + line + ": not a JSON object");
    }
}
