package dev.orchestra.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    static StepRecord step(String id, String agent, StepRecord.Status status, List<String> files, int ins, int del,
                           Usage usage) {
        StepRecord step = new StepRecord(id, agent);
        step.status = status;
        step.files = files;
        step.insertions = ins;
        step.deletions = del;
        step.usage = usage;
        step.durationMillis = 1000;
        return step;
    }

    static RunState state() {
        RunState state = RunStates.started("m1", "", "w", new Plan("w", "", List.of()), "0123456789012345678901234567890123456789",
                "main", "2025-03-04T10:00:00Z");
        RunStates.addSteps(state, step("a", "openrewrite", StepRecord.Status.LANDED, List.of("pom.xml", "A.java"), 10, 4, Usage.oneToolRun()));
        RunStates.addSteps(state, step("b", "code-writer", StepRecord.Status.LANDED, List.of("A.java"), 5, 1, new Usage(0, 2, 100, 50, 0.5)));
        RunStates.addSteps(state, step("c", "code-writer", StepRecord.Status.FAILED, List.of("B.java"), 7, 0, new Usage(0, 1, 10, 5, 0.25)));
        RunStates.addSteps(state, step("d", "code-writer", StepRecord.Status.PENDING, List.of(), 0, 0, Usage.NONE));
        state.addPhaseTime("plan", 1000L);
        state.addPhaseTime("delegate", 5000L);
        return state;
    }

    @Test
    void sumsUsagePerAgentOverTheStepsThatRan() {
        RunMetrics metrics = RunMetrics.from(state());

        assertThat(metrics.agents()).containsOnlyKeys("code-writer", "openrewrite");
        RunMetrics.AgentMetrics writer = metrics.agents().get("code-writer");
        assertThat(writer.calls()).isEqualTo(2);
        assertThat(writer.modelCalls()).isEqualTo(3);
        assertThat(writer.inputTokens()).isEqualTo(110);
        assertThat(writer.cost()).isEqualTo(0.75);
        assertThat(metrics.total().toolRuns()).isEqualTo(1);
        assertThat(metrics.totalMillis()).isEqualTo(6000);
    }

    @Test
    void patchSizeCountsOnlyLandedStepsAndEachFileOnce() {
        assertThat(RunMetrics.from(state()).patch()).isEqualTo(new RunMetrics.PatchSize(2, 15, 5));
    }

    @Test
    void timeToReadyForReviewEndsWhenThePrGateWasAsked() {
        RunState waiting = state();
        RunStates.waitAt(waiting, "pr", "2025-03-04T10:12:30Z");
        assertThat(RunMetrics.from(waiting).timeToReadyForReviewMillis()).isEqualTo(750_000);

        RunState decided = state();
        decided.recordDecision(new GateDecision("plan", true, "ann", "2025-03-04T10:03:00Z", false, null, 120_000));
        decided.recordDecision(new GateDecision("pr", true, "bob", "2025-03-04T11:00:00Z", false, null, 1_800_000));
        RunMetrics metrics = RunMetrics.from(decided);
        assertThat(metrics.timeToReadyForReviewMillis()).isEqualTo(1_800_000);
        assertThat(metrics.gateWaitMillis()).isEqualTo(1_920_000);
        assertThat(metrics.gateWaits()).containsEntry("plan", 120_000L).containsEntry("pr", 1_800_000L);
    }

    @Test
    void aRunThatNeverReachedReviewHasNoTimeToReadyForReviewAndNoTests() {
        RunMetrics metrics = RunMetrics.from(state());

        assertThat(metrics.timeToReadyForReviewMillis()).isNull();
        assertThat(metrics.testsBefore()).isNull();
        assertThat(metrics.fixIterations()).isZero();
    }
}
