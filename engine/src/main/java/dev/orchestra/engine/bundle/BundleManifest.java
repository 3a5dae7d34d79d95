package dev.orchestra.engine.bundle;

import dev.orchestra.engine.agent.Note;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.metrics.RunMetrics.TestCounts;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.sandbox.SandboxUse;
import dev.orchestra.engine.state.Breakage;
import dev.orchestra.engine.state.Leftover;
import dev.orchestra.engine.state.ModelAccount;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.validate.TestComparison;
import dev.orchestra.engine.validate.TestComparisons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content of {@code bundle.json}: where the run started, what each step did, gates, tests, status, and what the
 * run left broken for a human to finish.
 */
public record BundleManifest(
        int format,
        String runId,
        String task,
        String workflow,
        String status,
        String failure,
        String failedStep,
        String baseCommit,
        String baseBranch,
        String runBranch,
        String headCommit,
        String createdAt,
        String finishedAt,
        List<String> patches,
        List<StepEntry> steps,
        List<GateDecision> gates,
        Tests tests,
        List<String> validationCommands,
        Map<String, Object> budgets,
        String model,
        String planSummary,
        int fixIterations,
        ModelAccount account,
        List<String> refusals,
        List<Leftover> leftovers,
        SandboxUse sandbox) {

    /** One plan step: who did it, what it changed, its commit and its patch file. */
    public record StepEntry(String id, String agent, String status, String instructions, List<String> files,
                            int insertions, int deletions, String commit, String patch, String summary,
                            List<Note> notes) {}

    /** Test counts before (baseline) and after (final validation), their comparison, and the report copies. */
    public record Tests(TestCounts before, TestCounts after, TestComparison comparison,
                        String beforeReports, String afterReports) {}

    static BundleManifest of(RunState state, String headCommit, Map<String, String> patchByCommit) {
        List<String> patches = patchByCommit.values().stream().sorted().toList();
        return new BundleManifest(1, state.runId(), state.task(), state.request().workflow(), String.valueOf(state.status()),
                state.failure(), state.failedStep(), state.baseCommit(), state.baseBranch(), state.runBranch(), headCommit,
                state.createdAt(), state.finishedAt(), patches, steps(state, patchByCommit),
                List.copyOf(state.decisions()), tests(state), validationCommands(state), budgets(state), state.request().model(),
                state.planSummary(), state.fixIterations(), state.account(), List.copyOf(state.refusals()), leftovers(state), state.sandbox());
    }

    /** What the run left broken for a human; nothing for a run that is done. */
    private static List<Leftover> leftovers(RunState state) {
        return state.status() == RunStatus.DONE ? List.of() : Breakage.of(state).leftovers();
    }

    private static Map<String, Object> budgets(RunState state) {
        Map<String, Object> budgets = new java.util.LinkedHashMap<>();
        budgets.put("limits", state.request().budget());
        budgets.put("spent", state.spent());
        return budgets;
    }

    /** The plan's steps in plan order (PENDING when never started), then steps added during the run. */
    private static List<StepEntry> steps(RunState state, Map<String, String> patchByCommit) {
        List<StepEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Step> planned = state.plan() == null ? List.of() : state.plan().steps();
        for (Step step : planned) {
            StepRecord record = state.step(step.id());
            entries.add(entry(record == null ? new StepRecord(step.id(), step.agent()) : record,
                    step.instructions(), patchByCommit));
            seen.add(step.id());
        }
        for (StepRecord record : state.steps()) {
            if (!seen.contains(record.id)) {
                entries.add(entry(record, "", patchByCommit));
            }
        }
        return entries;
    }

    private static StepEntry entry(StepRecord r, String instructions, Map<String, String> patchByCommit) {
        String patch = r.commit == null ? null : patchByCommit.get(r.commit);
        return new StepEntry(r.id, r.agent, String.valueOf(r.status), instructions, List.copyOf(r.files),
                r.insertions, r.deletions, r.commit, patch, r.summary, List.copyOf(r.notes));
    }

    private static Tests tests(RunState state) {
        TestComparison comparison = state.validation() == null ? null : state.validation().comparison;
        if (comparison == null && state.baseline() != null && state.baseline().tests != null
                && state.validation() != null && state.validation().tests != null) {
            comparison = TestComparisons.compare(state.baseline().tests, state.validation().tests);
        }
        return new Tests(TestCounts.of(state.baseline()), TestCounts.of(state.validation()), comparison,
                state.baseline() == null ? null : "tests/baseline", state.validation() == null ? null : "tests/final");
    }

    private static List<String> validationCommands(RunState state) {
        Set<String> commands = new LinkedHashSet<>();
        Stream.of(state.baseline(), state.validation())
                .filter(r -> r != null && r.command != null)
                .forEach(r -> commands.add(r.command));
        if (commands.isEmpty() && state.request().validateCommand() != null) {
            commands.add(state.request().validateCommand());
        }
        return List.copyOf(commands);
    }
}
