package dev.orchestra.engine.run;

import java.util.Optional;

/**
 * Budgets fail closed: once one is used up, the run stops (a partial bundle, exit 3), also when a
 * step failed because its model call was refused. Checked after every phase and every finished step.
 */
final class BudgetStop {
    private BudgetStop() {}

    static void check(RunContext context, RunState state) {
        state.spent = context.meter().spent();
        Optional<String> exhausted = context.meter().exhausted();
        boolean stoppable = state.status == RunStatus.RUNNING || state.status == RunStatus.FAILED
                || state.status == RunStatus.ESCALATED;
        if (exhausted.isPresent() && stoppable) {
            state.status = RunStatus.BUDGET_EXHAUSTED;
            state.failure = "budget exhausted: " + exhausted.get();
        }
    }
}
