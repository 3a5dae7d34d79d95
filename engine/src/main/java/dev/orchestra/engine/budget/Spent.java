package dev.orchestra.engine.budget;

import java.time.Duration;

/**
 * What a run has spent so far: persisted with the run so that a resumed run keeps counting where it stopped.
 *
 * @param elapsed the time Orchestra worked, not the time it waited at a gate or for the validation hook
 */
public record Spent(int modelCalls, long inputTokens, long outputTokens, double cost, int fixIterations,
                    Duration elapsed) {
    public static final Spent NOTHING = new Spent(0, 0, 0, 0.0, 0, Duration.ZERO);

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
