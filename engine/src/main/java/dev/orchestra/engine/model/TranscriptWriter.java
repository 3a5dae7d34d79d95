package dev.orchestra.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends calls to a run's {@code transcript.jsonl}, one JSON object per line, with every secret the
 * {@link SecretRedactor} knows replaced before anything reaches the disk. Safe to call from parallel steps.
 */
public final class TranscriptWriter {
    public static final String FILE_NAME = "transcript.jsonl";
    private static final ObjectWriter ONE_LINE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final SecretRedactor redactor;

    public TranscriptWriter(Path file, SecretRedactor redactor) {
        this.file = file.toAbsolutePath().normalize();
        this.redactor = redactor;
    }

    /** The transcript of the run whose folder is {@code runDir}. */
    public static TranscriptWriter inRunFolder(Path runDir, SecretRedactor redactor) {
        return new TranscriptWriter(runDir.resolve(FILE_NAME), redactor);
    }

    public Path file() {
        return file;
    }

    /** Appends {@code entry} (an object Jackson can write) as one redacted line. */
    public void append(Object entry) {
        JsonNode tree = Json.MAPPER.valueToTree(entry);
        byte[] line = (serialize(redact(tree)) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (LOCKS.computeIfAbsent(file, path -> new Object())) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
    }

    private JsonNode redact(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redactor.redact(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                property.setValue(redact(property.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        }
        return node;
    }

    private static String serialize(JsonNode node) {
        try {
            return ONE_LINE.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
