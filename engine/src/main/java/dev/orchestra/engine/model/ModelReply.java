package dev.orchestra.engine.model;

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
 */
public record ModelReply(String text, long inputTokens, long outputTokens, String finishReason, String model,
                         String toolArguments) {
    /** The finish reason of a reply the provider marked as the model's refusal (OpenAI's {@code refusal} field). */
    public static final String REFUSAL = "refusal";

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
}
