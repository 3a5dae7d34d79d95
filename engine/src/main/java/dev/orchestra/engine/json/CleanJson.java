package dev.orchestra.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orchestra.engine.output.ControlCharacters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Values on their way out, through their JSON form: every string and every key passes one function first (the
 * redactor for files, the redactor and control-character stripping for what humans read).
 */
public final class CleanJson {
    private CleanJson() {}

    /** Writes {@code value} as JSON, atomically, with every secret {@code redactor} knows replaced. */
    public static void write(Path file, Object value, UnaryOperator<String> redactor) throws IOException {
        Json.writeAtomically(file, Json.MAPPER.writeValueAsBytes(tree(value, redactor)));
    }

    /** A copy of {@code value} with secrets redacted and control characters stripped, for what humans read. */
    public static <T> T forHumans(T value, Class<T> type, UnaryOperator<String> redactor) {
        UnaryOperator<String> clean = text -> redactor.apply(ControlCharacters.strip(text));
        try {
            return Json.MAPPER.treeToValue(tree(value, clean), type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code value} as a JSON tree whose strings and keys went through {@code clean}. */
    public static JsonNode tree(Object value, UnaryOperator<String> clean) {
        return cleaned(Json.MAPPER.valueToTree(value), clean);
    }

    private static JsonNode cleaned(JsonNode node, UnaryOperator<String> clean) {
        if (node.isTextual()) {
            return TextNode.valueOf(clean.apply(node.textValue()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, cleaned(array.get(i), clean));
            }
        } else if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            object.removeAll();
            fields.forEach(field -> object.set(clean.apply(field.getKey()), cleaned(field.getValue(), clean)));
        }
        return node;
    }
}
