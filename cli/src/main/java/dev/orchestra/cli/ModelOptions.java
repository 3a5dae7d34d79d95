package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The model flags of {@code orchestra run}; unset flags fall back to .orchestra/config.yml, then ~/.orchestra/config.yml. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "PROVIDER:MODEL",
            description = "The orchestrator model, e.g. openai:gpt-4o, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder, "
                    + "openai-compatible:NAME (with --base-url).")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "The provider's API base URL (vLLM, LM Studio, a gateway).")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "The environment variable that holds the key (default OPENAI_API_KEY or ANTHROPIC_API_KEY). Never pass a key itself.")
    String apiKeyEnv;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default 0).")
    Double temperature;

    @Option(names = "--seed", paramLabel = "N", description = "Sampling seed, for providers that take one.")
    Integer seed;

    @Option(names = "--max-output-tokens", paramLabel = "N", description = "The most tokens one answer may have.")
    Integer maxOutputTokens;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "A YAML price table (model: {input: USD, output: USD} per million tokens) over the built-in one.")
    String prices;

    @Option(names = "--max-fix-iterations", paramLabel = "N", description = "How often failing tests go back to the model before the run escalates (default 3).")
    int maxFixIterations = 3;

    /** The flags given, by their config-file names; the config files fill in the rest. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "model", model);
        put(flags, "base-url", baseUrl);
        put(flags, "api-key-env", apiKeyEnv);
        put(flags, "temperature", temperature);
        put(flags, "seed", seed);
        put(flags, "max-output-tokens", maxOutputTokens);
        put(flags, ModelConfig.PRICES_FILE_FLAG, prices == null ? null : java.nio.file.Path.of(prices).toAbsolutePath().toString());
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new BadInputException("--temperature " + temperature + ": must be a number from 0 to 2");
        }
        if (maxOutputTokens != null && maxOutputTokens < 1) {
            throw new BadInputException("--max-output-tokens " + maxOutputTokens + ": must be 1 or more");
        }
        return flags;
    }

    private static void put(Map<String, String> flags, String name, Object value) {
        if (value != null) {
            flags.put(name, value.toString());
        }
    }
}
