package dev.orchestra.engine.model;

/**
 * Sampling settings of a model; a null field means the provider's default.
 *
 * @param temperature 0.0 for the most deterministic answers
 * @param seed a seed, for providers that take one
 * @param maxOutputTokens the most tokens one reply may have
 */
public record ModelSettings(Double temperature, Integer seed, Integer maxOutputTokens) {
    public static final ModelSettings DEFAULTS = new ModelSettings(0.0, null, 4096);
}
