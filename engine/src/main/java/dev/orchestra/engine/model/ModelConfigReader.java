package dev.orchestra.engine.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the model settings of {@code ~/.orchestra/config.yml}, then {@code .orchestra/config.yml} of the
 * repository, then flags, each winning field by field over the ones before, and remembers where every value came
 * from ({@code file:line}) so that a bad value is reported where it was written. The repository's file is data, not
 * the operator's word: it may not set where the key is sent, which variable is read, or what calls cost.
 */
final class ModelConfigReader {
    static final String CONFIG = ".orchestra/config.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A value and where it was written. */
    record Setting(JsonNode value, String where) {}

    /** The flag naming a price table file ({@code --prices FILE}): {@code model: {input, output}} entries. */
    static final String PRICES_FILE = "prices-file";

    /** Settings only the operator may give (flags, the home file, Jenkins), and what each decides. */
    static final Map<String, String> OPERATOR_ONLY = Map.of(
            "base-url", "where the key is sent",
            "api-key-env", "which variable's value is sent as the key",
            "prices", "what --max-cost counts");

    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, Setting> prices = new LinkedHashMap<>();

    static ModelConfig load(Path repository, Path home, Map<String, String> flags) {
        ModelConfigReader reader = new ModelConfigReader();
        if (home != null) {
            reader.readFile(home.resolve(CONFIG), false);
        }
        if (repository != null) {
            reader.readFile(repository.resolve(CONFIG), true);
        }
        if (flags.get(PRICES_FILE) != null) {
            reader.readPriceFile(Path.of(flags.get(PRICES_FILE)));
        }
        flags.forEach((name, value) -> {
            if (value != null && !name.equals(PRICES_FILE)) {
                reader.settings.put(name, new Setting(TextNode.valueOf(value), "--" + name));
            }
        });
        return ModelConfigValues.build(reader.settings, reader.prices);
    }

    private void readFile(Path file, boolean inRepository) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(where(file, parser) + ": expected a mapping of settings (key: value)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String where = where(file, parser);
                if (inRepository && OPERATOR_ONLY.containsKey(name)) {
                    throw operatorOnly(where, name);
                }
                JsonToken valueStart = parser.nextToken();
                if (name.equals("prices") && valueStart == JsonToken.START_OBJECT) {
                    readPrices(file, parser);
                } else {
                    settings.put(name, new Setting(YAML.readTree(parser), where));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BadInputException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A price table file: model entries, at the top or under {@code prices:}; it wins over the config files. */
    private void readPriceFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--prices " + file + ": no such file");
        }
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(where(file, parser) + ": expected 'model: {input: USD, output: USD}' entries");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String where = where(file, parser);
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("prices")) {
                    readPrices(file, parser);
                } else {
                    prices.put(name, new Setting(YAML.readTree(parser), where));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable YAML price table: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private void readPrices(Path file, JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String model = parser.currentName();
            String where = where(file, parser);
            parser.nextToken();
            prices.put(model, new Setting(YAML.readTree(parser), where));
        }
    }

    private static BadInputException operatorOnly(String where, String name) {
        String flag = name.equals("prices") ? "--prices FILE" : "--" + name;
        return new BadInputException(where + ": " + name + " may not be set in the repository's " + CONFIG + " (it decides "
                + OPERATOR_ONLY.get(name) + "); set it with " + flag + " or in ~/" + CONFIG);
    }

    private static String where(Path file, JsonParser parser) {
        return file + ":" + parser.currentTokenLocation().getLineNr();
    }
}
