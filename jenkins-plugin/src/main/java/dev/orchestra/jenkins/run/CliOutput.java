package dev.orchestra.jenkins.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.contract.CliError;
import dev.orchestra.contract.RunResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code orchestra ... --json} call said: its exit code, the {@link RunResult} it printed on stdout (or the
 * {@link CliError}, on bad input), and the last {@code orchestra: ...} line of its stderr. The types are the command
 * line's own, so a field the command line renames fails the plugin's build and tests, not a Jenkins job.
 */
public final class CliOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final int exitCode;
    private final RunResult result;
    private final CliError error;
    private final String errorLine;

    private CliOutput(int exitCode, RunResult result, CliError error, String errorLine) {
        this.exitCode = exitCode;
        this.result = result;
        this.error = error;
        this.errorLine = errorLine;
    }

    /** Reads a call's stdout; text that is not one JSON object leaves both the result and the error empty. */
    public static CliOutput parse(int exitCode, String stdout, String errorLine) {
        String json = stdout == null ? "" : stdout.trim();
        if (json.startsWith("{")) {
            try {
                JsonNode tree = MAPPER.readTree(json);
                if (tree.has("runId")) {
                    return new CliOutput(exitCode, MAPPER.treeToValue(tree, RunResult.class), null, errorLine);
                }
                if (tree.has("error")) {
                    return new CliOutput(exitCode, null, MAPPER.treeToValue(tree, CliError.class), errorLine);
                }
            } catch (JsonProcessingException e) {
                return new CliOutput(exitCode, null, null, errorLine);
            }
        }
        return new CliOutput(exitCode, null, null, errorLine);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The run's status in lower case ({@code waiting_gate}, {@code done}, ...), or null when no run was reported. */
    public String status() {
        return result == null || result.status() == null ? null : result.status().toLowerCase(Locale.ROOT);
    }

    public String runId() {
        return result == null ? null : result.runId();
    }

    /** The gate or validation the run waits for, or null. */
    public String waitingFor() {
        return result == null ? null : result.waitingFor();
    }

    /** The run's metrics (as in metrics.json); empty when not reported. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metrics() {
        return result != null && result.metrics() instanceof Map ? (Map<String, Object>) result.metrics() : Map.of();
    }

    /** How many fix iterations the run has been through (from its metrics); 0 when not said. */
    public int fixIterations() {
        Object value = metrics().get("fixIterations");
        return value instanceof Number n ? n.intValue() : 0;
    }

    /**
     * What a human reviews now: the bundle's SUMMARY.md once it is written; before that, at a gate, what the gate
     * shows (the plan's steps; the patches about to land, with their files and line counts; at the pr gate, what
     * landed and the tests before and after); null otherwise.
     */
    public String summary() {
        if (result == null) {
            return null;
        }
        return result.summary() != null ? result.summary() : result.gateDetails();
    }

    /** Whether the call reported a run or an error as JSON. */
    public boolean hasJson() {
        return result != null || error != null;
    }

    /** The CLI's one-line error ({@code orchestra: ...} without the prefix, else its JSON {@code error}), or null. */
    public String errorLine() {
        if (errorLine != null) {
            return errorLine.replaceFirst("^orchestra: ", "");
        }
        return error == null ? null : error.error();
    }

    /** Why the run failed: its recorded failure, else the CLI's error line, else the exit code. */
    public String why() {
        if (result != null && result.failure() != null) {
            return result.failure();
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
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("runId", runId());
        step.put("status", status());
        step.put("waitingFor", waitingFor());
        step.put("branch", result == null ? null : result.branch());
        step.put("plan", result == null ? null : result.plan());
        step.put("reportPath", result == null ? null : result.reportPath());
        step.put("bundlePath", result == null ? null : result.bundlePath());
        step.put("summary", summary());
        step.put("question", result == null ? null : result.gateQuestion());
        step.put("metrics", new LinkedHashMap<>(metrics()));
        step.put("exitCode", exitCode);
        return step;
    }
}
