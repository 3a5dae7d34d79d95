package dev.orchestra.engine.model;

/**
 * A model call failed. Retriable failures (HTTP 408, 429, 5xx, timeouts, truncated or malformed
 * bodies) may succeed when tried again; the others (400, 401, 403, 404, context overflow) will not.
 * The message names the provider and the status, and never contains a key.
 */
public class ModelException extends Exception {
    private final String provider;
    private final int status;
    private final boolean retriable;
    private final long retryAfterMillis;

    public ModelException(String provider, int status, boolean retriable, long retryAfterMillis, String message,
                          Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.status = status;
        this.retriable = retriable;
        this.retryAfterMillis = retryAfterMillis;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status, or 0 when there was no response (timeout, connection refused). */
    public int status() {
        return status;
    }

    public boolean retriable() {
        return retriable;
    }

    /** What the provider's {@code Retry-After} asked for, in milliseconds; -1 when it said nothing. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
