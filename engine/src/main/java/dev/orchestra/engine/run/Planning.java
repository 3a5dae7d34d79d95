package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.ModelPlanner;

/** The plan phase when no workflow was given: the planner model turns the task into a plan. */
final class Planning {
    private final RunContext context;

    Planning(RunContext context) {
        this.context = context;
    }

    /** True when the run has a plan now; false when planning failed (the state says why). */
    boolean plan(RunState state) {
        if (context.planner() == null) {
            state.status = RunStatus.FAILED;
            state.failure = "the run has no plan and no model to make one: give --workflow or --model";
            return false;
        }
        context.progress("plan: asking the planner model (" + state.model + ")");
        ModelPlanner.Outcome outcome = RepoSnapshot.at(context, state, state.baseCommit,
                dir -> context.planner().plan(dir, state.task));
        state.plannerUsage = state.plannerUsage.plus(outcome.usage());
        state.refusals.addAll(outcome.refusals());
        if (outcome.plan() == null) {
            state.status = RunStatus.FAILED;
            state.failure = outcome.failure();
            return false;
        }
        state.plan = outcome.plan();
        state.planSummary = outcome.summary();
        state.steps = Ingest.recordsFor(outcome.plan().steps());
        new PlanFiles(context).write(state);
        return true;
    }
}
