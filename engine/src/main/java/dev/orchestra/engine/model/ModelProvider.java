package dev.orchestra.engine.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The model providers Orchestra speaks to, with their default base URL and API key variable. */
public enum ModelProvider {
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1/", "ANTHROPIC_API_KEY"),
    /** Ollama through its OpenAI-compatible {@code /v1} endpoint; no key. */
    OLLAMA("ollama", "http://localhost:11434/v1", null),
    /** Any server speaking OpenAI's chat completions; needs {@code base-url}, and a key only if it says so. */
    OPENAI_COMPATIBLE("openai-compatible", null, null);

    private final String id;
    private final String defaultBaseUrl;
    private final String defaultKeyVariable;

    ModelProvider(String id, String defaultBaseUrl, String defaultKeyVariable) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyVariable = defaultKeyVariable;
    }

    /** The name used in {@code model: PROVIDER:MODEL} and in transcripts. */
    public String id() {
        return id;
    }

    /** The base URL when the configuration names none; null when one is required. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable holding the key by default; null when no key is needed by default. */
    public String defaultKeyVariable() {
        return defaultKeyVariable;
    }

    /** True for providers reached with OpenAI's chat completions API. */
    public boolean speaksOpenAi() {
        return this != ANTHROPIC;
    }

    /** The provider with this id, or null. */
    public static ModelProvider byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    /** {@code openai, anthropic, ...} for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(ModelProvider::id).collect(Collectors.joining(", "));
    }
}
