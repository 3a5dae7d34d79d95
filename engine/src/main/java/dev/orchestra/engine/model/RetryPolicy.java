package dev.orchestra.engine.model;

import java.time.Duration;

/**
 * How {@link RetryingModelClient} retries: at most {@code maxAttempts} calls, waiting {@code baseDelay} doubled
 * after each failure plus up to half of it again as jitter, or what {@code Retry-After} asks; never longer than
 * {@code maxWait} at once (a longer {@code Retry-After} ends the retries).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxWait) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Milliseconds to wait after failed attempt number {@code attempt} (1-based), before jitter. */
    long backoffMillis(int attempt) {
        long delay = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        return Math.min(delay, maxWait.toMillis());
    }
}
