package dev.orchestra.jenkins.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.jenkins.run.CliOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's lines on the build page: status, steps, tests before and after, tokens, cost, the report's link. */
public final class RunSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String runId;
    private final String phase;
    private final String status;
    private final List<String> steps;
    private final String testsBefore;
    private final String testsAfter;
    private final long tokens;
    private final double cost;
    private final int fixIterations;
    private final String reportArtifact;

    RunSummary(String runId, String phase, String status, List<String> steps, String testsBefore, String testsAfter,
               long tokens, double cost, int fixIterations, String reportArtifact) {
        this.runId = runId;
        this.phase = phase;
        this.status = status;
        this.steps = List.copyOf(steps);
        this.testsBefore = testsBefore;
        this.testsAfter = testsAfter;
        this.tokens = tokens;
        this.cost = cost;
        this.fixIterations = fixIterations;
        this.reportArtifact = reportArtifact;
    }

    /**
     * The summary of a phase's last call.
     *
     * @param bundleJson the bundle's {@code bundle.json}, or null when there is no bundle yet
     * @param reportArchived whether {@code report.html} was archived
     */
    public static RunSummary of(String runId, String phase, CliOutput out, String bundleJson, boolean reportArchived) {
        Map<String, Object> metrics = out == null ? Map.of() : out.metrics();
        Map<String, Object> total = map(metrics.get("total"));
        return new RunSummary(runId, phase, out == null || out.status() == null ? "error" : out.status(),
                steps(bundleJson), tests(map(metrics.get("testsBefore"))), tests(map(metrics.get("testsAfter"))),
                number(total.get("inputTokens")).longValue() + number(total.get("outputTokens")).longValue(),
                number(total.get("cost")).doubleValue(), number(metrics.get("fixIterations")).intValue(),
                reportArchived ? ArtifactSelection.reportArtifact(runId) : null);
    }

    /** "12 passed, 1 failing, 0 skipped of 13" from a TestCounts object of metrics.json, or "not run". */
    static String tests(Map<String, Object> counts) {
        if (counts.isEmpty()) {
            return "not run";
        }
        long failing = number(counts.get("failed")).longValue() + number(counts.get("errors")).longValue();
        return number(counts.get("passed")) + " passed, " + failing + " failing, " + number(counts.get("skipped"))
                + " skipped of " + number(counts.get("total"));
    }

    /** "id: agent (landed)" per step of bundle.json. */
    static List<String> steps(String bundleJson) {
        List<String> lines = new ArrayList<>();
        if (bundleJson == null) {
            return lines;
        }
        try {
            for (JsonNode step : MAPPER.readTree(bundleJson).path("steps")) {
                lines.add(step.path("id").asText() + ": " + step.path("agent").asText() + " ("
                        + step.path("status").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
        } catch (IOException e) {
            lines.clear();
        }
        return lines;
    }

    public String getRunId() { return runId; }
    public String getPhase() { return phase; }
    public String getStatus() { return status.replace('_', ' '); }
    public List<String> getSteps() { return steps; }
    public String getTestsBefore() { return testsBefore; }
    public String getTestsAfter() { return testsAfter; }
    public long getTokens() { return tokens; }
    public double getCost() { return cost; }
    public int getFixIterations() { return fixIterations; }
    /** The report's path relative to the build's {@code artifact/} URL, or null before the bundle exists. */
    public String getReportArtifact() { return reportArtifact; }

    /** The cost as the build page shows it, in US dollars. */
    public String getCostText() {
        return String.format(Locale.ROOT, "$%.4f", cost);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
