package dev.orchestra.engine.model;

import dev.orchestra.engine.context.TokenEstimate;

/**
 * A model's reply.
 *
 * @param text the reply's text (JSON text when the request had a response schema); may be null or empty when the
 *             model answered with a tool call or nothing
 * @param inputTokens prompt tokens the provider counted
 * @param outputTokens completion tokens the provider counted
 * @param finishReason why the model stopped ({@code stop}, {@code length}, ...), as the provider said
 * @param model the model name the provider reported
 * @param toolArguments the arguments of the tool call the model made instead of answering in text, or null
 * @param usageEstimated true when the provider reported no usage and the tokens are Orchestra's estimate
 */
public record ModelReply(String text, long inputTokens, long outputTokens, String finishReason, String model,
                         String toolArguments, boolean usageEstimated) {
    /** The finish reason of a reply the provider marked as the model's refusal (OpenAI's {@code refusal} field). */
    public static final String REFUSAL = "refusal";

    /** A reply with the usage the provider counted. */
    public ModelReply(String text, long inputTokens, long outputTokens, String finishReason, String model,
                      String toolArguments) {
        this(text, inputTokens, outputTokens, finishReason, model, toolArguments, false);
    }

    /** A reply in text, with no tool call. */
    public ModelReply(String text, long inputTokens, long outputTokens, String finishReason, String model) {
        this(text, inputTokens, outputTokens, finishReason, model, null);
    }

    /** True when the provider marked the reply as a refusal or filtered it. */
    public boolean refused() {
        return REFUSAL.equals(finishReason) || "content_filter".equals(finishReason);
    }

    /** True when the provider said the answer stopped at the output limit (OpenAI {@code length}, Anthropic {@code max_tokens}). */
    public boolean cutOff() {
        return "length".equals(finishReason) || "max_tokens".equals(finishReason);
    }

    /**
     * This reply, or when the provider reported no usage at all, this reply with its tokens estimated at four
     * characters a token from the request and the answer (marked {@link #usageEstimated}), so budgets still count it.
     */
    public ModelReply withUsageOrEstimate(ModelRequest request) {
        if (inputTokens > 0 || outputTokens > 0) {
            return this;
        }
        long in = TokenEstimate.of(request.system());
        for (ModelRequest.Message message : request.messages()) {
            in += TokenEstimate.of(message.text());
        }
        long out = TokenEstimate.of(text) + TokenEstimate.of(toolArguments);
        return new ModelReply(text, in, out, finishReason, model, toolArguments, true);
    }
}
