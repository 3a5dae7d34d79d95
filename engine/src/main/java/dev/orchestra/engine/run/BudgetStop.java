package dev.orchestra.engine.run;

import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.PhaseOutcome;
import java.util.Optional;

/**
 * Budgets fail closed, but never take back work already paid for: a run stops (a partial bundle, exit 3) when the
 * ledger refused a model call, also when the step or the fix that needed it failed or escalated for that reason, and
 * when its time is used up before it starts new work (planning, the baseline, steps). Landing and validating what
 * the run has already paid for always go on.
 */
final class BudgetStop {
    private BudgetStop() {}

    static PhaseOutcome check(SpendLedger ledger, PhaseOutcome outcome) {
        boolean stoppable = switch (outcome.kind()) {
            case GO, ADVANCE, FAIL, ESCALATE -> true;
            default -> false;
        };
        if (!stoppable) {
            return outcome;
        }
        Optional<String> why = ledger.refusal();
        if (why.isEmpty() && outcome.kind() == PhaseOutcome.Kind.ADVANCE && startsNewWork(outcome.next())) {
            why = ledger.outOfTime();
        }
        return why.map(reason -> PhaseOutcome.budgetExhausted(reason, outcome.failedStep())).orElse(outcome);
    }

    private static boolean startsNewWork(Phase next) {
        return next == Phase.PLAN || next == Phase.BASELINE || next == Phase.DELEGATE;
    }
}
