package dev.orchestra.engine.model;

import java.util.List;

/**
 * One model call as a line of {@code transcript.jsonl}.
 *
 * @param id the correlation id, {@code run/step/attempt}
 * @param kind always {@code model} (tool calls write other kinds)
 * @param response the reply, or null when the call failed
 * @param error the failure, or null when the call succeeded
 * @param cost dollars, from the {@link PriceTable}
 * @param priced false when the price table does not know the model (cost is then 0)
 * @param retries attempts beyond the first
 * @param timestamp when the call started, ISO-8601
 */
public record ModelCall(String id, String kind, String provider, String model, Request request, Response response,
                        Error error, Usage usage, long latencyMillis, double cost, boolean priced, int retries,
                        String timestamp) {

    /** What was asked. */
    public record Request(String system, List<ModelRequest.Message> messages, String schema) {}

    /** What the model answered; {@code toolArguments} only when it answered with a tool call (else null). */
    public record Response(String text, String finishReason, String model, String toolArguments) {}

    /** Why the call failed. */
    public record Error(String message, int status, boolean retriable) {}

    /** Tokens the provider counted, or Orchestra's estimate ({@code estimated}) when the provider reported none. */
    public record Usage(long inputTokens, long outputTokens, boolean estimated) {
        public Usage(long inputTokens, long outputTokens) {
            this(inputTokens, outputTokens, false);
        }
    }
}
