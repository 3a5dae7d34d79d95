package dev.orchestra.engine.metrics;

import dev.orchestra.engine.budget.Spent;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.state.ValidationRecord;
import dev.orchestra.engine.validate.TestCase.Outcome;
import dev.orchestra.engine.validate.TestRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run cost and how long it took, computed from its state; written as {@code metrics.json}.
 *
 * @param phaseMillis milliseconds spent per phase (lowercase phase names), summed over every process
 * @param totalMillis the sum of phaseMillis (working time, gate waits excluded)
 * @param timeToReadyForReviewMillis from the run's creation to the moment the {@code pr} gate was asked
 *     (see {@link ReadyForReview}); null when the run never got there
 * @param agents per agent name: steps run, usage, time
 * @param total usage of all agents together
 * @param testsBefore the baseline validation, or null
 * @param testsAfter the final validation, or null
 * @param patch size of the landed steps
 * @param gateWaitMillis time spent waiting at gates, all gates together
 * @param gateWaits time spent waiting per gate
 * @param fixIterations how many times failing validation sent work back to the orchestrator
 * @param spent what the run's spend ledger counted: every model call (the account's too), tokens, cost, fix
 *     iterations, and how many calls had no usage from the provider so that their tokens are estimated; the same
 *     object as {@code budgets.spent} in bundle.json
 */
public record RunMetrics(
        Map<String, Long> phaseMillis,
        long totalMillis,
        Long timeToReadyForReviewMillis,
        Map<String, AgentMetrics> agents,
        AgentMetrics total,
        TestCounts testsBefore,
        TestCounts testsAfter,
        PatchSize patch,
        long gateWaitMillis,
        Map<String, Long> gateWaits,
        int fixIterations,
        Spent spent) {

    /** One agent's work: steps it ran, tool processes, model calls, tokens, cost and time. */
    public record AgentMetrics(int calls, int toolRuns, int modelCalls, long inputTokens, long outputTokens,
                               double cost, long durationMillis) {
        static final AgentMetrics NONE = new AgentMetrics(0, 0, 0, 0, 0, 0.0, 0);

        AgentMetrics plus(StepRecord step) {
            Usage u = step.usage == null ? Usage.NONE : step.usage;
            return new AgentMetrics(calls + 1, toolRuns + u.toolRuns(), modelCalls + u.modelCalls(),
                    inputTokens + u.inputTokens(), outputTokens + u.outputTokens(), cost + u.cost(),
                    durationMillis + step.durationMillis);
        }
    }

    /** Test cases of one validation by outcome, the hook's exit code, and its time limit when it was killed at it. */
    public record TestCounts(int exitCode, long total, long passed, long failed, long errors, long skipped,
                             Long timedOutAfterSeconds) {
        /** The counts of a validation, or null when it has no tests. */
        public static TestCounts of(ValidationRecord record) {
            if (record == null || record.tests == null) {
                return null;
            }
            TestRun run = record.tests;
            return new TestCounts(run.exitCode(), run.cases().size(), run.count(Outcome.PASSED),
                    run.count(Outcome.FAILED), run.count(Outcome.ERROR), run.count(Outcome.SKIPPED),
                    run.timedOutAfterSeconds());
        }
    }

    /** Distinct files, lines inserted and deleted over the steps that landed. */
    public record PatchSize(int files, int insertions, int deletions) {}

    /** The metrics of this run as it stands. */
    public static RunMetrics from(RunState state) {
        Map<String, Long> phases = new LinkedHashMap<>(state.phaseMillis());
        Map<String, AgentMetrics> agents = new TreeMap<>();
        AgentMetrics total = AgentMetrics.NONE;
        for (StepRecord step : ranSteps(state.steps())) {
            agents.merge(step.agent, AgentMetrics.NONE.plus(step), RunMetrics::sum);
            total = total.plus(step);
        }
        if (state.plannerUsage() != null && state.plannerUsage().modelCalls() > 0) {
            AgentMetrics planner = new AgentMetrics(state.plannerUsage().modelCalls(), 0, state.plannerUsage().modelCalls(),
                    state.plannerUsage().inputTokens(), state.plannerUsage().outputTokens(), state.plannerUsage().cost(), 0);
            agents.merge("planner", planner, RunMetrics::sum);
            total = sum(total, planner);
        }
        Map<String, Long> waits = new TreeMap<>();
        for (GateDecision decision : state.decisions()) {
            waits.merge(decision.gate(), decision.waitedMillis(), Long::sum);
        }
        return new RunMetrics(phases, phases.values().stream().mapToLong(Long::longValue).sum(),
                ReadyForReview.millis(state), agents, total,
                TestCounts.of(state.baseline()), TestCounts.of(state.validation()), patchSize(state.steps()),
                waits.values().stream().mapToLong(Long::longValue).sum(), waits, state.fixIterations(),
                state.spent());
    }

    private static List<StepRecord> ranSteps(List<StepRecord> steps) {
        return steps.stream()
                .filter(s -> s.status != StepRecord.Status.PENDING || s.attempts > 0)
                .toList();
    }

    private static AgentMetrics sum(AgentMetrics a, AgentMetrics b) {
        return new AgentMetrics(a.calls + b.calls, a.toolRuns + b.toolRuns, a.modelCalls + b.modelCalls,
                a.inputTokens + b.inputTokens, a.outputTokens + b.outputTokens, a.cost + b.cost,
                a.durationMillis + b.durationMillis);
    }

    private static PatchSize patchSize(List<StepRecord> steps) {
        TreeSet<String> files = new TreeSet<>();
        int insertions = 0;
        int deletions = 0;
        for (StepRecord step : steps) {
            if (step.status == StepRecord.Status.LANDED) {
                files.addAll(step.files);
                insertions += step.insertions;
                deletions += step.deletions;
            }
        }
        return new PatchSize(files.size(), insertions, deletions);
    }
}
