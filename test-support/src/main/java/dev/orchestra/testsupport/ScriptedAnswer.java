package dev.orchestra.testsupport;

import java.time.Duration;

/** One answer of the {@link ScriptedModelServer}: a reply, a provider error, or a broken or slow response. */
public sealed interface ScriptedAnswer {

    /** A successful reply with this text; {@code lengthLimited} makes it stop at the output limit. */
    record Text(String text, long inputTokens, long outputTokens, boolean lengthLimited) implements ScriptedAnswer {}

    /**
     * An HTTP error with the provider's real error body ({@code message} or a standard text when null), and a
     * {@code Retry-After} header when not null.
     */
    record Status(int code, String retryAfter, String message) implements ScriptedAnswer {}

    /**
     * A reply with no text: the answer delivered as a call of the tool {@code name} with these JSON
     * {@code arguments}, or (when {@code name} is null) nothing at all.
     */
    record NoText(String name, String arguments) implements ScriptedAnswer {}

    /** A refusal as the provider sends it: OpenAI's {@code refusal} field, Anthropic's {@code stop_reason: refusal}. */
    record Refusal(String text) implements ScriptedAnswer {}

    /** HTTP 200 whose body is not JSON. */
    record Malformed() implements ScriptedAnswer {}

    /** HTTP 200 whose body stops in the middle: the connection closes before Content-Length bytes came. */
    record Truncated() implements ScriptedAnswer {}

    /** {@code then}, after waiting {@code delay}. */
    record Delayed(Duration delay, ScriptedAnswer then) implements ScriptedAnswer {}

    static ScriptedAnswer text(String text) {
        return new Text(text, 10, 5, false);
    }

    static ScriptedAnswer text(String text, long inputTokens, long outputTokens) {
        return new Text(text, inputTokens, outputTokens, false);
    }

    /** A reply with no usage block, as some OpenAI-compatible servers send (OpenAI wire format only). */
    static ScriptedAnswer withoutUsage(String text) {
        return new Text(text, -1, -1, false);
    }

    /** A reply the model cut off at its output limit ({@code length} / {@code max_tokens}). */
    static ScriptedAnswer lengthLimited(String text) {
        return new Text(text, 10, 5, true);
    }

    /** A reply whose only content is a tool call with these JSON arguments. */
    static ScriptedAnswer toolCall(String name, String arguments) {
        return new NoText(name, arguments);
    }

    /** A reply with no content at all: no text, no tool call. */
    static ScriptedAnswer empty() {
        return new NoText(null, null);
    }

    /** The model refuses, in the provider's own way. */
    static ScriptedAnswer refusal(String text) {
        return new Refusal(text);
    }

    static ScriptedAnswer status(int code, String retryAfterOrNull) {
        return new Status(code, retryAfterOrNull, null);
    }

    static ScriptedAnswer status(int code) {
        return new Status(code, null, null);
    }

    /** An HTTP error whose body carries this message, as the provider words it. */
    static ScriptedAnswer error(int code, String message) {
        return new Status(code, null, message);
    }

    static ScriptedAnswer malformed() {
        return new Malformed();
    }

    static ScriptedAnswer truncated() {
        return new Truncated();
    }

    static ScriptedAnswer delayed(Duration delay, ScriptedAnswer then) {
        return new Delayed(delay, then);
    }
}
