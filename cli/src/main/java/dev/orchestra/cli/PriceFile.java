package dev.orchestra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.ModelConfig;
import dev.orchestra.engine.model.PriceTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --prices FILE}: a price table that wins over the configured and built-in prices. */
final class PriceFile {
    static final String FLAG = "prices-file";

    private PriceFile() {}

    /** The config with the file's prices merged in, when the flags name one. */
    static ModelConfig apply(ModelConfig config, Map<String, String> flags) {
        String file = flags.get(FLAG);
        if (file == null) {
            return config;
        }
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>(config.prices());
        prices.putAll(read(Path.of(file)));
        return new ModelConfig(config.provider(), config.model(), config.baseUrl(), config.apiKeyEnv(), config.temperature(),
                config.seed(), config.maxOutputTokens(), config.requestTimeout(), prices);
    }

    /** The flags ModelConfig reads (it does not know the price file). */
    static Map<String, String> without(Map<String, String> flags) {
        Map<String, String> rest = new LinkedHashMap<>(flags);
        rest.remove(FLAG);
        return rest;
    }

    private static Map<String, PriceTable.Price> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException("--prices " + file + ": not a readable YAML file ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode table = root != null && root.has("prices") ? root.get("prices") : root;
        if (table == null || !table.isObject()) {
            throw new BadInputException("--prices " + file + ": expected 'model: {input: USD, output: USD}' entries");
        }
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode input = entry.getValue().get("input");
            JsonNode output = entry.getValue().get("output");
            if (input == null || output == null || !input.isNumber() || !output.isNumber()) {
                throw new BadInputException("--prices " + file + ": model '" + entry.getKey() + "' needs numeric input and output prices");
            }
            prices.put(entry.getKey(), new PriceTable.Price(input.asDouble(), output.asDouble()));
        }
        return prices;
    }
}
