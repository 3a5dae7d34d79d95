package dev.orchestra.engine.model;

/**
 * One language model behind one small interface: a request with a correlation id in, one reply out.
 * Provider adapters (OpenAI, Anthropic, Ollama, OpenAI-compatible servers), the retrying and
 * recording decorators and the transcript replay all implement it.
 */
public interface ModelClient {
    /**
     * Sends one request. Failures are {@link ModelException}s: {@link ModelException#retriable()}
     * says whether trying again may help.
     */
    ModelReply complete(ModelRequest request) throws ModelException;
}
