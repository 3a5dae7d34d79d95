package dev.orchestra.engine.model;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries retriable model failures with exponential backoff and jitter, honouring {@code Retry-After}, within a
 * {@link RetryPolicy}. When it gives up, the failure says how many attempts were made:
 * {@code openai: HTTP 429 Too Many Requests after 4 attempts}.
 */
public final class RetryingModelClient implements ModelClient {
    private final ModelClient delegate;
    private final RetryPolicy policy;

    public RetryingModelClient(ModelClient delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        return completeCounted(request).reply();
    }

    /** Like {@link #complete}, and says how many attempts the reply took. */
    public Attempted completeCounted(ModelRequest request) throws ModelException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Attempted(delegate.complete(request), attempt);
            } catch (ModelException failure) {
                long wait = waitMillis(failure, attempt);
                if (wait < 0) {
                    throw new GaveUp(failure, attempt, failure.retriable() && attempt < policy.maxAttempts()
                            ? "Retry-After " + failure.retryAfterMillis() / 1000 + " s is longer than the "
                                    + policy.maxWait().toSeconds() + " s limit"
                            : null);
                }
                sleep(wait, failure, attempt);
            }
        }
    }

    /** Milliseconds to wait before the next attempt, or -1 to give up. */
    private long waitMillis(ModelException failure, int attempt) {
        if (!failure.retriable() || attempt >= policy.maxAttempts()) {
            return -1;
        }
        if (failure.retryAfterMillis() >= 0) {
            return failure.retryAfterMillis() <= policy.maxWait().toMillis() ? failure.retryAfterMillis() : -1;
        }
        long backoff = policy.backoffMillis(attempt);
        long jitter = backoff <= 1 ? 0 : ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        return Math.min(backoff + jitter, policy.maxWait().toMillis());
    }

    private void sleep(long millis, ModelException failure, int attempt) throws ModelException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp(failure, attempt, "interrupted while waiting to retry");
        }
    }

    /** A reply and the number of attempts it took (1 when the first succeeded). */
    public record Attempted(ModelReply reply, int attempts) {}

    /** The last failure, once retrying stopped; its message names the provider, the status and the attempts. */
    public static final class GaveUp extends ModelException {
        private final int attempts;

        GaveUp(ModelException last, int attempts, String why) {
            super(last.provider(), last.status(), last.retriable(), last.retryAfterMillis(),
                    message(last, attempts, why), last);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }

        private static String message(ModelException last, int attempts, String why) {
            String headline = last instanceof ModelFailures.ProviderFailure failure ? failure.headline()
                    : last.getMessage();
            String detail = last instanceof ModelFailures.ProviderFailure failure ? failure.detail() : null;
            String tries = " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
            return headline + tries + (why == null ? "" : " (" + why + ")") + (detail == null ? "" : ": " + detail);
        }
    }
}
