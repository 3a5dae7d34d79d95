package dev.orchestra.engine.model;

import dev.langchain4j.exception.HttpException;

/**
 * What {@link ProviderHttpClient} throws for a response it cannot hand to LangChain4j: an HTTP error (with the
 * provider's {@code Retry-After}), a body that is not JSON, or no complete response at all (status 0).
 * LangChain4j keeps it as the cause of its own exceptions, so {@link ModelFailures} finds it there.
 */
public final class ProviderHttpException extends HttpException {
    /** Why the call failed, beyond the status. */
    public enum Kind { HTTP_ERROR, MALFORMED_BODY, TIMEOUT, NO_RESPONSE }

    private final Kind kind;
    private final long retryAfterMillis;
    private final String providerMessage;

    public ProviderHttpException(Kind kind, int status, long retryAfterMillis, String providerMessage, Throwable cause) {
        super(status, kind + " " + status);
        this.kind = kind;
        this.retryAfterMillis = retryAfterMillis;
        this.providerMessage = providerMessage;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's {@code Retry-After} in milliseconds, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** The {@code message} of the provider's error body, or null. */
    public String providerMessage() {
        return providerMessage;
    }
}
