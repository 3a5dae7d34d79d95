package dev.orchestra.engine.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The system prompts and JSON schemas shipped with the engine (resources under {@code prompts/}). */
public final class Prompts {
    private static final String ROOT = "/dev/orchestra/engine/prompts/";

    private Prompts() {}

    /** The text of {@code prompts/NAME.md}. */
    public static String system(String name) {
        return new String(bytes(name + ".md"), StandardCharsets.UTF_8);
    }

    /** The JSON schema {@code prompts/NAME.schema.json} as a map, for {@link ModelRequest#responseSchema()}. */
    public static Map<String, Object> schema(String name) {
        try {
            return Json.MAPPER.readValue(bytes(name + ".schema.json"), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Prompts.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
