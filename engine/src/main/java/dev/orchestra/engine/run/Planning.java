package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;

/** The plan phase when no workflow was given: the planner model turns the task into a plan. */
final class Planning {
    private final RunContext context;

    Planning(RunContext context) {
        this.context = context;
    }

    /** Goes on when the run has a plan now; fails, saying why, when there is none. */
    PhaseOutcome plan(RunState state) {
        if (context.planner() == null) {
            return PhaseOutcome.fail("the run has no plan and no model to make one: give --workflow or --model");
        }
        context.progress("plan: asking the planner model (" + state.request().model() + ")");
        ModelPlanner.Outcome outcome = RepoSnapshot.at(context, state, state.baseCommit(),
                dir -> context.planner().plan(dir, state.task()));
        state.addPlannerUsage(outcome.usage());
        outcome.refusals().forEach(state::refuse);
        if (outcome.plan() == null) {
            return PhaseOutcome.fail(outcome.failure());
        }
        state.usePlan(outcome.plan(), outcome.summary());
        new PlanFiles(context).write(state);
        return PhaseOutcome.go();
    }
}
