package dev.orchestra.engine.run;

import dev.orchestra.engine.json.CleanJson;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends one line per tool-agent run to the run's {@code transcript.jsonl}, with a correlation id. */
final class ToolTranscript {
    private static final com.fasterxml.jackson.databind.ObjectWriter ONE_LINE =
            Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final dev.orchestra.engine.model.SecretRedactor redactor;

    ToolTranscript(Path runDir, dev.orchestra.engine.model.SecretRedactor redactor) {
        this.file = runDir.resolve("transcript.jsonl");
        this.redactor = redactor;
    }

    void append(RunState state, StepRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", state.runId() + "/" + record.id + "/" + record.attempts);
        line.put("kind", "tool");
        line.put("agent", record.agent);
        line.put("startedAt", record.startedAt);
        line.put("endedAt", record.endedAt);
        line.put("durationMillis", record.durationMillis);
        line.put("status", record.status.name().toLowerCase());
        line.put("summary", record.summary);
        line.put("log", record.log);
        try {
            String json = ONE_LINE.writeValueAsString(CleanJson.tree(line, redactor::redact));
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
