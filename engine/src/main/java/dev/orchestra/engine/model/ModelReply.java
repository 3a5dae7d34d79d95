package dev.orchestra.engine.model;

/**
 * A model's reply.
 *
 * @param text the reply's text (JSON text when the request had a response schema)
 * @param inputTokens prompt tokens the provider counted
 * @param outputTokens completion tokens the provider counted
 * @param finishReason why the model stopped ({@code stop}, {@code length}, ...), as the provider said
 * @param model the model name the provider reported
 */
public record ModelReply(String text, long inputTokens, long outputTokens, String finishReason, String model) {}
