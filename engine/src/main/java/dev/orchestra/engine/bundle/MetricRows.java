package dev.orchestra.engine.bundle;

import dev.orchestra.engine.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.List;

/** The metrics as (name, value) rows, shared by SUMMARY.md and report.html. */
final class MetricRows {
    private MetricRows() {}

    static List<List<String>> of(RunMetrics m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Working time", HumanUnits.duration(m.totalMillis())));
        m.phaseMillis().forEach((phase, millis) -> rows.add(List.of("Phase " + phase, HumanUnits.duration(millis))));
        rows.add(List.of("Time to ready for review", HumanUnits.duration(m.timeToReadyForReviewMillis())));
        rows.add(List.of("Waiting at gates", HumanUnits.duration(m.gateWaitMillis())));
        m.gateWaits().forEach((gate, millis) -> rows.add(List.of("Gate " + gate, HumanUnits.duration(millis))));
        rows.add(List.of("Model calls", String.valueOf(m.total().modelCalls())));
        rows.add(List.of("Tokens in / out", m.total().inputTokens() + " / " + m.total().outputTokens()));
        rows.add(List.of("Cost", HumanUnits.cost(m.total().cost())));
        rows.add(List.of("Tool runs", String.valueOf(m.total().toolRuns())));
        m.agents().forEach((agent, a) -> rows.add(List.of("Agent " + agent, a.calls() + " step(s), "
                + a.modelCalls() + " model call(s), " + a.toolRuns() + " tool run(s), "
                + HumanUnits.cost(a.cost()) + ", " + HumanUnits.duration(a.durationMillis()))));
        rows.add(List.of("Patch", m.patch().files() + " files, +" + m.patch().insertions() + " −" + m.patch().deletions()));
        rows.add(List.of("Fix iterations", String.valueOf(m.fixIterations())));
        return rows;
    }
}
