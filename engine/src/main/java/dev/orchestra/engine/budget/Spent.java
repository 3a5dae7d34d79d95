package dev.orchestra.engine.budget;

import java.time.Duration;

/**
 * What a run has spent so far, as its {@link SpendLedger} counted it: persisted with the run so that a resumed run
 * keeps counting where it stopped, and written as {@code budgets.spent} in bundle.json and {@code spent} in
 * metrics.json.
 *
 * @param elapsed the time Orchestra worked, not the time it waited at a gate or for the validation hook
 * @param estimatedCalls model calls whose reply had no usage, so that their tokens are an estimate (4 characters a token)
 * @param repairCalls model calls that asked again after an answer that could not be used (attempt 2 and later of a
 *     plan, a step or the account), included in {@code modelCalls}
 * @param repairTokens the tokens those repair calls used, included in the token counts
 */
public record Spent(int modelCalls, long inputTokens, long outputTokens, double cost, int fixIterations,
                    Duration elapsed, int estimatedCalls, int repairCalls, long repairTokens) {
    public static final Spent NOTHING = new Spent(0, 0, 0, 0.0, 0, Duration.ZERO, 0, 0, 0);

    /** Spending with every token counted by the provider and no repair. */
    public Spent(int modelCalls, long inputTokens, long outputTokens, double cost, int fixIterations, Duration elapsed) {
        this(modelCalls, inputTokens, outputTokens, cost, fixIterations, elapsed, 0, 0, 0);
    }

    public Spent {
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
