package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.Breakage;
import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens when the run branch is broken (see {@link Breakage}): what broke goes back to the planner model
 * within the fix request's budget ({@link FixBudget}), and it adds fix steps, as many times as the run's
 * {@code --max-fix-iterations} allows (the spend ledger counts them); the same patch twice, a fix that changes nothing, or no model at all escalates to a human, with what is
 * left broken in the bundle.
 */
final class FixLoop {
    private final RunContext context;

    FixLoop(RunContext context) {
        this.context = context;
    }

    /** Back to the delegate phase with fix steps, or an escalation saying why there are none. */
    PhaseOutcome handle(RunState state, Breakage breakage) {
        String regression = breakage.reason();
        String head = context.tree().branchCommit(state.runBranch());
        String stop = reasonToStop(state, head);
        if (stop != null) {
            return PhaseOutcome.escalate(regression + " — " + stop);
        }
        int iteration = context.ledger().fixIterations() + 1;
        context.progress("fix: iteration " + iteration + " of " + state.request().maxFixIterations() + " — " + regression);
        ModelPlanner.Outcome outcome = planFixes(state, breakage, head, iteration);
        state.addPlannerUsage(outcome.usage());
        outcome.refusals().forEach(state::refuse);
        if (outcome.plan() == null) {
            return PhaseOutcome.escalate(regression + " — no fix could be planned: " + outcome.failure());
        }
        context.ledger().startFixIteration();
        addSteps(state, outcome.plan(), iteration);
        state.fixFrom(head);
        return PhaseOutcome.advance(Phase.DELEGATE);
    }

    /** Asks the planner for fix steps: what broke, the diff and the files, fitted to the fix request's budget. */
    private ModelPlanner.Outcome planFixes(RunState state, Breakage breakage, String head, int iteration) {
        String diff = Diffs.between(context.tree().repository(), state.baseCommit(), head);
        return RepoSnapshot.at(context, state, head, dir -> {
            FailureReport report = FailureReport.of(state, breakage, dir);
            FixBudget.Fitted fitted = FixBudget.fit(state.task(), report, diff, file -> fileTokens(dir, file));
            return context.planner().planFixes(dir, state.task(), fitted.report(), fitted.diff(), fitted.files(),
                    fitted.mapTokens(), iteration);
        });
    }

    private static int fileTokens(Path dir, String file) {
        try {
            return (int) Math.min(Integer.MAX_VALUE / 2, (Files.size(dir.resolve(file)) + 3) / 4);
        } catch (IOException e) {
            return 0;
        }
    }

    private String reasonToStop(RunState state, String head) {
        if (context.planner() == null) {
            return "no model is configured to fix it";
        }
        int done = context.ledger().fixIterations();
        if (done > 0) {
            String fingerprint = Diffs.fingerprint(Diffs.between(context.tree().repository(), state.fixBase(), head));
            if (head.equals(state.fixBase())) {
                return "fix iteration " + done + " changed nothing";
            }
            if (!state.rememberFix(fingerprint)) {
                return "the fix loop produced the same patch twice";
            }
        }
        if (context.ledger().fixIterationsLeft() == 0) {
            return "still failing after " + done + " fix iteration(s)";
        }
        return null;
    }

    private void addSteps(RunState state, Plan fixes, int iteration) {
        List<Step> steps = new ArrayList<>(state.plan().steps());
        steps.addAll(fixes.steps());
        List<StepRecord> records = Ingest.recordsFor(fixes.steps());
        records.forEach(record -> record.fixIteration = iteration);
        state.addSteps(new Plan(state.plan().name(), state.plan().description(), steps), records);
        new PlanFiles(context).write(state);
    }

}
