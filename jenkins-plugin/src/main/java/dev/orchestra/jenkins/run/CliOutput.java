package dev.orchestra.jenkins.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code orchestra ... --json} call said: its exit code, the JSON object it printed on stdout (empty when
 * it printed none, as on bad input), and the last {@code orchestra: ...} line of its stderr.
 */
public final class CliOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int exitCode;
    private final Map<String, Object> fields;
    private final String errorLine;

    private CliOutput(int exitCode, Map<String, Object> fields, String errorLine) {
        this.exitCode = exitCode;
        this.fields = fields;
        this.errorLine = errorLine;
    }

    /** Reads a call's stdout; text that is not one JSON object leaves the fields empty. */
    public static CliOutput parse(int exitCode, String stdout, String errorLine) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String json = stdout == null ? "" : stdout.trim();
        if (json.startsWith("{")) {
            try {
                fields = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (JsonProcessingException e) {
                fields = new LinkedHashMap<>();
            }
        }
        return new CliOutput(exitCode, fields, errorLine);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The run's status in lower case ({@code waiting_gate}, {@code done}, ...), or null when no JSON came. */
    public String status() {
        Object status = fields.get("status");
        return status == null ? null : status.toString().toLowerCase(Locale.ROOT);
    }

    public String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    /** A nested object of the JSON, e.g. {@code metrics}; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        Object value = fields.get(field);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    /** How many fix iterations the run has been through (from its metrics); 0 when not said. */
    public int fixIterations() {
        Object value = object("metrics").get("fixIterations");
        return value instanceof Number n ? n.intValue() : 0;
    }

    /**
     * What a human reviews now: the bundle's SUMMARY.md once it is written; before that, at a gate, what the gate
     * shows (the plan's steps; the patches about to land, with their files and line counts; at the pr gate, what
     * landed and the tests before and after); null otherwise.
     */
    public String summary() {
        return text("summary") != null ? text("summary") : text("gateDetails");
    }

    public boolean hasJson() {
        return !fields.isEmpty();
    }

    /** The CLI's one-line error ({@code orchestra: ...} without the prefix, else its JSON {@code error}), or null. */
    public String errorLine() {
        return errorLine != null ? errorLine.replaceFirst("^orchestra: ", "") : text("error");
    }

    /** Why the run failed: its recorded failure, else the CLI's error line, else the exit code. */
    public String why() {
        if (text("failure") != null) {
            return text("failure");
        }
        return errorLine() != null ? errorLine() : "orchestra exited with code " + exitCode;
    }

    /**
     * What the step returns to the Jenkinsfile: {@code plan} (markdown), {@code summary} ({@link #summary()}),
     * {@code status}, {@code reportPath}, {@code metrics}, and {@code runId}, {@code branch}, {@code bundlePath},
     * {@code waitingFor}, {@code question} (the gate's question), {@code exitCode}. Every value is a string, a
     * number, a boolean, a map or a list, so Pipeline can keep it.
     */
    public Map<String, Object> stepResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String field : new String[] {"runId", "status", "waitingFor", "branch", "plan", "reportPath",
                "bundlePath"}) {
            result.put(field, text(field));
        }
        result.put("summary", summary());
        result.put("question", text("gateQuestion"));
        result.put("metrics", new LinkedHashMap<>(object("metrics")));
        result.put("exitCode", exitCode);
        return result;
    }
}
