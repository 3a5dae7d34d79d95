package dev.orchestra.engine.budget;

import dev.orchestra.engine.BadInputException;
import java.time.Duration;

/**
 * What a run may spend before it stops: tokens (input and output together), cost in US dollars, model calls, wall
 * time and fix iterations. A null limit means no limit.
 */
public record Budget(Long maxTokens, Double maxCost, Integer maxModelCalls, Duration maxWallTime,
                     Integer maxFixIterations) {
    public static final Budget UNLIMITED = new Budget(null, null, null, null, null);

    public Budget {
        positive(maxTokens, Limit.TOKENS);
        positive(maxCost, Limit.COST);
        positive(maxModelCalls, Limit.MODEL_CALLS);
        positive(maxWallTime == null ? null : maxWallTime.toMillis(), Limit.WALL_TIME);
        if (maxFixIterations != null && maxFixIterations < 0) {
            throw new BadInputException(Limit.FIX_ITERATIONS.flag() + " must be 0 or more, not " + maxFixIterations);
        }
    }

    /** True when at least one limit is set. */
    public boolean limited() {
        return !equals(UNLIMITED);
    }

    private static void positive(Number limit, Limit which) {
        if (limit != null && !(limit.doubleValue() > 0 && Double.isFinite(limit.doubleValue()))) {
            throw new BadInputException(which.flag() + " must be a positive number, not "
                    + (which == Limit.WALL_TIME ? limit.doubleValue() / 60_000 : limit));
        }
    }
}
