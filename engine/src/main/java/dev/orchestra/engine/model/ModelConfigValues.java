package dev.orchestra.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.ModelConfigReader.Setting;
import dev.orchestra.engine.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks and converts the merged settings into a {@link ModelConfig}; a bad one is reported as {@code file:line: what}. */
final class ModelConfigValues {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ModelConfigValues() {}

    static ModelConfig build(Map<String, Setting> settings, Map<String, Setting> priceSettings) {
        for (String forbidden : new String[] {"api-key", "apiKey", "api_key", "key"}) {
            if (settings.containsKey(forbidden)) {
                throw new BadInputException(settings.get(forbidden).where() + ": " + forbidden
                        + ": keys are read from the environment only; set api-key-env to the variable's name");
            }
        }
        Setting model = settings.get("model");
        ModelProvider provider = model == null ? null : provider(model);
        String modelName = model == null ? null : model.value().asText().substring(provider.id().length() + 1);
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        priceSettings.forEach((name, setting) -> prices.put(name, price(name, setting)));
        return new ModelConfig(provider, modelName, baseUrl(settings.get("base-url")),
                keyVariable(settings.get("api-key-env")),
                number(settings.get("temperature"), "temperature", 0.0, 2.0),
                integer(settings.get("seed"), "seed", Integer.MIN_VALUE),
                integer(settings.get("max-output-tokens"), "max-output-tokens", 1),
                duration(settings.get("request-timeout")), prices);
    }

    private static ModelProvider provider(Setting setting) {
        String text = setting.value().isTextual() ? setting.value().asText() : "";
        int colon = text.indexOf(':');
        ModelProvider provider = colon < 0 ? null : ModelProvider.byId(text.substring(0, colon).trim());
        if (provider == null || text.substring(colon + 1).isBlank()) {
            throw bad(setting, "model must be PROVIDER:MODEL (providers: " + ModelProvider.ids()
                    + "), e.g. anthropic:claude-sonnet-4-5; got `" + setting.value().asText() + "`");
        }
        return provider;
    }

    private static String baseUrl(Setting setting) {
        if (setting == null) {
            return null;
        }
        String url = setting.value().asText();
        if (!setting.value().isTextual() || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw bad(setting, "base-url must be an http:// or https:// URL; got `" + url + "`");
        }
        return url;
    }

    /** Never echoes the value: a user may have pasted the key itself here. */
    private static String keyVariable(Setting setting) {
        if (setting == null) {
            return null;
        }
        if (!setting.value().isTextual() || !VARIABLE.matcher(setting.value().asText()).matches()) {
            throw bad(setting, "api-key-env must be the name of an environment variable (like OPENAI_API_KEY),"
                    + " not the key itself");
        }
        return setting.value().asText();
    }

    private static Double number(Setting setting, String name, double min, double max) {
        if (setting == null) {
            return null;
        }
        Double value = parseDouble(setting.value());
        if (value == null || value < min || value > max) {
            throw bad(setting, name + " must be a number from " + min + " to " + max + "; got `"
                    + setting.value().asText() + "`");
        }
        return value;
    }

    private static Integer integer(Setting setting, String name, int min) {
        if (setting == null) {
            return null;
        }
        Double value = parseDouble(setting.value());
        if (value == null || value != Math.rint(value) || value < min || value > Integer.MAX_VALUE) {
            throw bad(setting, name + " must be a whole number" + (min > 0 ? " of at least " + min : "")
                    + "; got `" + setting.value().asText() + "`");
        }
        return value.intValue();
    }

    private static Duration duration(Setting setting) {
        if (setting == null) {
            return null;
        }
        return Durations.parse(setting.value().asText()).orElseThrow(() -> bad(setting,
                "request-timeout must be a positive duration like 120s, 2m or 500ms; got `" + setting.value().asText() + "`"));
    }

    private static PriceTable.Price price(String model, Setting setting) {
        JsonNode node = setting.value();
        Double input = parseDouble(node.path("input"));
        Double output = parseDouble(node.path("output"));
        if (!node.isObject() || input == null || output == null || input < 0 || output < 0) {
            throw bad(setting, "prices." + model + " must be {input: DOLLARS, output: DOLLARS} per million tokens");
        }
        return new PriceTable.Price(input, output);
    }

    private static Double parseDouble(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Double.parseDouble(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BadInputException bad(Setting setting, String what) {
        return new BadInputException(setting.where() + ": " + what);
    }
}
