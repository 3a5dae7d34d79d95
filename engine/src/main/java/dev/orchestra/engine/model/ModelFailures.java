package dev.orchestra.engine.model;

import dev.langchain4j.exception.RetriableException;
import java.util.regex.Pattern;

/**
 * The one place that decides which model failures are worth retrying: 408, 409, 425, 429 and 5xx, timeouts,
 * missing, cut-off and malformed responses are; 400, 401, 403, 404, other 4xx and context overflow are not.
 */
public final class ModelFailures {
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile(
            "context.length|context.window|maximum context|prompt is too long|too many tokens", Pattern.CASE_INSENSITIVE);

    private ModelFailures() {}

    /** True when an HTTP status says that the same request may succeed later. */
    public static boolean retriableStatus(int status) {
        return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
    }

    /** Turns whatever a LangChain4j chat model threw into a {@link ModelException} without the key in it. */
    public static ModelException classify(String provider, Throwable failure, String apiKey) {
        ProviderHttpException http = find(failure);
        if (http == null) {
            boolean retriable = failure instanceof RetriableException;
            return failure(provider, 0, retriable, -1, "call failed",
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(), apiKey, failure);
        }
        return switch (http.kind()) {
            case HTTP_ERROR -> httpError(provider, http, apiKey);
            case MALFORMED_BODY -> failure(provider, http.statusCode(), true, -1,
                    "malformed response body (HTTP " + http.statusCode() + ")", null, apiKey, http);
            case TIMEOUT -> failure(provider, 0, true, -1, "no response before the request timeout", null, apiKey, http);
            case NO_RESPONSE -> failure(provider, 0, true, -1, "response cut off or connection failed",
                    http.getCause() == null ? http.providerMessage() : http.getCause().getMessage(), apiKey, http);
        };
    }

    private static ModelException httpError(String provider, ProviderHttpException http, String apiKey) {
        int status = http.statusCode();
        String detail = http.providerMessage();
        boolean overflow = detail != null && CONTEXT_OVERFLOW.matcher(detail).find();
        String headline = "HTTP " + status + " " + reason(status) + (overflow ? " (context overflow)" : "");
        return failure(provider, status, retriableStatus(status) && !overflow, http.retryAfterMillis(), headline,
                detail, apiKey, http);
    }

    private static ModelException failure(String provider, int status, boolean retriable, long retryAfter,
                                          String headline, String detail, String apiKey, Throwable cause) {
        String safeDetail = detail == null ? null : SecretRedactor.withValues(apiKey).redact(detail);
        return new ProviderFailure(provider, status, retriable, retryAfter, provider + ": " + headline, safeDetail,
                cause);
    }

    private static ProviderHttpException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return http;
            }
        }
        return null;
    }

    /** The standard reason phrase of an HTTP status. */
    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 425 -> "Too Early";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 529 -> "Overloaded";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }

    /** A failure whose message is a headline ({@code openai: HTTP 429 Too Many Requests}) and a detail. */
    public static final class ProviderFailure extends ModelException {
        private final String headline;
        private final String detail;

        ProviderFailure(String provider, int status, boolean retriable, long retryAfterMillis, String headline,
                        String detail, Throwable cause) {
            super(provider, status, retriable, retryAfterMillis,
                    detail == null ? headline : headline + ": " + detail, cause);
            this.headline = headline;
            this.detail = detail;
        }

        public String headline() {
            return headline;
        }

        /** What the provider said, or null. */
        public String detail() {
            return detail;
        }
    }
}
