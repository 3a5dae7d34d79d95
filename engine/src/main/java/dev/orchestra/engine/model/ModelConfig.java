package dev.orchestra.engine.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Which model to call and how: read from the repository's {@code .orchestra/config.yml}, then the user's
 * {@code ~/.orchestra/config.yml} (the repository wins field by field), then command-line flags (which win).
 *
 * @param provider the provider, or null when no model is configured (workflows without a model)
 * @param model the provider's model name
 * @param baseUrl the API's base URL, or null for the provider's default
 * @param apiKeyEnv the environment variable holding the key, or null for the provider's default
 * @param temperature sampling temperature, or null for 0.0
 * @param seed a seed for providers that take one, or null
 * @param maxOutputTokens the longest reply, or null for 4096
 * @param requestTimeout how long one request may take
 * @param prices per-model prices that override the built-in table
 */
public record ModelConfig(ModelProvider provider, String model, String baseUrl, String apiKeyEnv, Double temperature,
                          Integer seed, Integer maxOutputTokens, Duration requestTimeout,
                          Map<String, PriceTable.Price> prices) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    public ModelConfig {
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** A configuration for {@code provider:model} with every other field at its default. */
    public static ModelConfig of(ModelProvider provider, String model) {
        return new ModelConfig(provider, model, null, null, null, null, null, null, null);
    }

    /** The flag naming a price table file, as {@code --prices FILE} gives it. */
    public static final String PRICES_FILE_FLAG = ModelConfigReader.PRICES_FILE;

    /** Reads the configuration files of {@code repository} and {@code home}, then applies {@code flags}. */
    public static ModelConfig load(Path repository, Path home, Map<String, String> flags) {
        return ModelConfigReader.load(repository, home, flags);
    }

    public boolean configured() {
        return provider != null;
    }

    /** {@code provider:model}, as written in the configuration. */
    public String modelId() {
        return provider == null ? "none" : provider.id() + ":" + model;
    }

    public String effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : provider.defaultBaseUrl();
    }

    /** The variable the key is read from, or null when the provider needs none. */
    public String keyVariable() {
        return apiKeyEnv != null ? apiKeyEnv : provider.defaultKeyVariable();
    }

    public ModelSettings settings() {
        return new ModelSettings(temperature == null ? ModelSettings.DEFAULTS.temperature() : temperature, seed,
                maxOutputTokens == null ? ModelSettings.DEFAULTS.maxOutputTokens() : maxOutputTokens);
    }

    public PriceTable priceTable() {
        return PriceTable.builtIn().withOverrides(prices);
    }

    public ModelConfig withBaseUrl(String url) {
        return new ModelConfig(provider, model, url, apiKeyEnv, temperature, seed, maxOutputTokens, requestTimeout,
                prices);
    }

    public ModelConfig withApiKeyEnv(String variable) {
        return new ModelConfig(provider, model, baseUrl, variable, temperature, seed, maxOutputTokens, requestTimeout,
                prices);
    }

    public ModelConfig withRequestTimeout(Duration timeout) {
        return new ModelConfig(provider, model, baseUrl, apiKeyEnv, temperature, seed, maxOutputTokens, timeout,
                prices);
    }
}
