package dev.orchestra.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.metrics.RunMetrics;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.validate.TestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a command prints about a run: one JSON object, or a one-screen summary for humans. */
final class RunOutput {
    private final RunStore store;

    RunOutput(RunStore store) {
        this.store = store;
    }

    int print(RunState state, boolean json, PrintWriter out) {
        if (json) {
            try {
                out.println(Json.MAPPER.writeValueAsString(fields(state)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(ControlCharacters.strip(humanSummary(state)));
        }
        out.flush();
        return state.status().exitCode();
    }

    Map<String, Object> fields(RunState state) {
        Path runDir = store.runDir(state.runId()).toAbsolutePath();
        Path bundle = runDir.resolve("bundle");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("runId", state.runId());
        fields.put("status", state.status().name().toLowerCase());
        fields.put("exitCode", state.status().exitCode());
        fields.put("phase", state.phase().name().toLowerCase());
        fields.put("waitingFor", state.waitingFor());
        Map<String, Object> gate = gateRequest(runDir, state);
        fields.put("gateQuestion", gate.get("question"));
        fields.put("gateDetails", gate.get("details"));
        fields.put("branch", state.runBranch());
        fields.put("baseCommit", state.baseCommit());
        fields.put("failure", state.failure());
        fields.put("runDir", runDir.toString());
        fields.put("planPath", runDir.resolve("plan.md").toString());
        fields.put("plan", read(runDir.resolve("plan.md")));
        fields.put("bundlePath", Files.isDirectory(bundle) ? bundle.toString() : null);
        fields.put("reportPath", existing(bundle.resolve("report.html")));
        fields.put("summaryPath", existing(bundle.resolve("SUMMARY.md")));
        fields.put("summary", read(bundle.resolve("SUMMARY.md")));
        fields.put("metrics", RunMetrics.from(state));
        return fields;
    }

    String humanSummary(RunState state) {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(state.runId()).append(" — ").append(state.status().name().toLowerCase()
                .replace('_', ' ')).append(state.waitingFor() == null ? "" : " (" + state.waitingFor() + ")").append('\n');
        text.append("Branch ").append(state.runBranch()).append(" from ").append(state.baseCommit(), 0, 10).append('\n');
        for (StepRecord step : state.steps()) {
            text.append(String.format("  %-10s %-16s %-9s %6.1fs  %s%n", step.status.name().toLowerCase(), step.id,
                    step.agent, step.durationMillis / 1000.0, step.files.isEmpty() ? step.summary : step.files.size()
                            + " files +" + step.insertions + " -" + step.deletions));
            step.files.forEach(file -> text.append("             ").append(file).append('\n'));
        }
        text.append("Tests before: ").append(tests(state.baseline() == null ? null : state.baseline().tests)).append('\n');
        text.append("Tests after:  ").append(tests(state.validation() == null ? null : state.validation().tests)).append('\n');
        text.append("Durations: ");
        state.phaseMillis().forEach((phase, ms) -> text.append(phase).append(' ')
                .append(dev.orchestra.engine.time.Durations.format(ms)).append("  "));
        text.append('\n');
        if (state.failure() != null) {
            text.append("Why: ").append(state.failure()).append('\n');
        }
        Path runDir = store.runDir(state.runId()).toAbsolutePath();
        if (state.status() == RunStatus.WAITING_GATE) {
            text.append("Plan: ").append(runDir.resolve("plan.md")).append('\n');
            text.append("Answer with: orchestra resume --run-id ").append(state.runId()).append(" --approve | --reject\n");
        }
        if (Files.isDirectory(runDir.resolve("bundle"))) {
            text.append("Bundle: ").append(runDir.resolve("bundle")).append('\n');
            text.append("Report: ").append(runDir.resolve("bundle").resolve("report.html")).append('\n');
        }
        return text.toString();
    }

    /** The request of the gate the run waits at, as written to {@code gates/<gate>.request.json}; empty otherwise. */
    private static Map<String, Object> gateRequest(Path runDir, RunState state) {
        Path request = runDir.resolve("gates").resolve(state.waitingFor() + ".request.json");
        if (state.status() != RunStatus.WAITING_GATE || !Files.exists(request)) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(request.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String tests(TestRun run) {
        return run == null ? "not run" : run.summary();
    }

    private static String existing(Path file) {
        return Files.exists(file) ? file.toString() : null;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
