package dev.orchestra.engine.budget;

import dev.orchestra.engine.model.ModelException;

/**
 * A model call refused because a limit of the run's budget is used up. Never retried: the run stops, writes a
 * partial bundle and exits 3.
 */
public final class BudgetExhausted extends ModelException {
    private final Limit limit;

    BudgetExhausted(Limit limit, String message) {
        super("budget", 0, false, -1, message, null);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
