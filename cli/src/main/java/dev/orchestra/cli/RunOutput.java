package dev.orchestra.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchestra.contract.RunResult;
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

    /** The run as the {@code --json} contract describes it. */
    RunResult result(RunState state) {
        Path runDir = store.runDir(state.runId()).toAbsolutePath();
        Path bundle = runDir.resolve("bundle");
        Map<String, Object> gate = gateRequest(runDir, state);
        return new RunResult(state.runId(), state.status().name().toLowerCase(), state.status().exitCode(),
                state.phase().name().toLowerCase(), state.waitingFor(), text(gate.get("question")), text(gate.get("details")),
                state.runBranch(), state.baseCommit(), state.failure(), runDir.toString(), runDir.resolve("plan.md").toString(),
                read(runDir.resolve("plan.md")), Files.isDirectory(bundle) ? bundle.toString() : null,
                existing(bundle.resolve("report.html")), existing(bundle.resolve("SUMMARY.md")),
                read(bundle.resolve("SUMMARY.md")), RunMetrics.from(state),
                readJson(runDir.resolve(dev.orchestra.engine.publish.Publisher.FILE)), null, null);
    }

    Map<String, Object> fields(RunState state) {
        return fields(result(state));
    }

    static Map<String, Object> fields(RunResult result) {
        return Json.MAPPER.convertValue(result, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
        Object published = readJson(runDir.resolve(dev.orchestra.engine.publish.Publisher.FILE));
        if (published instanceof com.fasterxml.jackson.databind.JsonNode node) {
            text.append("Pushed: ").append(node.path("branch").asText()).append(" to ").append(node.path("remote").asText())
                    .append('\n');
            if (node.path("pullRequest").isObject()) {
                text.append("Pull request: ").append(node.path("pullRequest").path("url").asText()).append('\n');
            }
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

    /** A JSON file Orchestra wrote in the run folder, as a tree; null when it is missing or unreadable. */
    private static Object readJson(Path file) {
        try {
            return Files.isRegularFile(file) ? Json.MAPPER.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
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
