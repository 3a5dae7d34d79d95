package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens when the validation is worse than the baseline: the failures go back to the planner
 * model, which adds fix steps, at most {@code maxFixIterations} times; the same patch twice, a fix
 * that changes nothing, or no model at all escalates to a human with the failing tests listed.
 */
final class FixLoop {
    static final int MAX_DIFF_CHARS = 30_000;
    private final RunContext context;

    FixLoop(RunContext context) {
        this.context = context;
    }

    void handle(RunState state, String regression) {
        String head = context.tree().branchCommit(state.runBranch);
        String stop = reasonToStop(state, head);
        if (stop != null) {
            escalate(state, regression + " — " + stop);
            return;
        }
        FailureReport report = FailureReport.of(state);
        String diff = Diffs.cut(Diffs.between(context.tree().repository(), state.baseCommit, head), MAX_DIFF_CHARS);
        int iteration = state.fixIterations + 1;
        context.progress("fix: iteration " + iteration + " of " + state.maxFixIterations + " — " + regression);
        ModelPlanner.Outcome outcome = RepoSnapshot.at(context, state, head, dir -> context.planner()
                .planFixes(dir, state.task, report.text(), diff, report.relatedFiles(dir), iteration));
        state.plannerUsage = state.plannerUsage.plus(outcome.usage());
        if (outcome.plan() == null) {
            escalate(state, regression + " — no fix could be planned: " + outcome.failure());
            return;
        }
        addSteps(state, outcome.plan());
        state.fixIterations = iteration;
        state.fixBase = head;
        state.phase = Phase.DELEGATE;
    }

    private String reasonToStop(RunState state, String head) {
        if (context.planner() == null) {
            return "no model is configured to fix it";
        }
        if (state.fixIterations > 0) {
            String fingerprint = Diffs.fingerprint(Diffs.between(context.tree().repository(), state.fixBase, head));
            if (head.equals(state.fixBase)) {
                return "fix iteration " + state.fixIterations + " changed nothing";
            }
            if (state.fixFingerprints.contains(fingerprint)) {
                return "the fix loop produced the same patch twice";
            }
            state.fixFingerprints.add(fingerprint);
        }
        if (state.fixIterations >= state.maxFixIterations) {
            return "still failing after " + state.fixIterations + " fix iteration(s)";
        }
        return null;
    }

    private void addSteps(RunState state, Plan fixes) {
        List<Step> steps = new ArrayList<>(state.plan.steps());
        steps.addAll(fixes.steps());
        state.plan = new Plan(state.plan.name(), state.plan.description(), steps);
        state.steps.addAll(Ingest.recordsFor(fixes.steps()));
        new PlanFiles(context).write(state);
    }

    private static void escalate(RunState state, String why) {
        state.status = RunStatus.ESCALATED;
        state.failure = why;
    }
}
