package dev.orchestra.engine.workflow;

import dev.orchestra.engine.BadInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One YAML text with a name and a line offset: parses it and reads typed values, failing as {@code file:line: what}. */
final class YamlSource {
    private final String name;
    private final int lineOffset;

    YamlSource(String name, int lineOffset) {
        this.name = name;
        this.lineOffset = lineOffset;
    }

    /** The document's root node, or null for an empty document. */
    Node parse(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? lineOffset + 1 : mark.getLine() + 1 + lineOffset;
            throw new BadInputException(at(line) + "not valid YAML: " + oneLine(e.getProblem()) + hint(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new BadInputException(at(lineOffset + 1) + "not valid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    /** The 1-based line of a node in the whole file. */
    int line(Node node) {
        return node.getStartMark().getLine() + 1 + lineOffset;
    }

    /** The line where the document starts, for problems about the whole document. */
    int firstLine() {
        return lineOffset + 1;
    }

    String at(int line) {
        return name + ":" + line + ": ";
    }

    BadInputException error(Node node, String message) {
        return new BadInputException(at(line(node)) + message);
    }

    /** A mapping's entries by key, in order; duplicate or non-scalar keys are errors. */
    Map<String, NodeTuple> entries(MappingNode mapping, String what) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "keys of " + what + " must be plain words");
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                throw error(key, "key '" + key.getValue() + "' appears twice in " + what
                        + " (first at line " + line(first.getKeyNode()) + ")");
            }
        }
        return entries;
    }

    /** A scalar as text; null or empty for an empty value. */
    String text(Node node, String key) {
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
        }
        throw error(node, "'" + key + "' must be text, not " + kind(node));
    }

    /** A list of non-empty texts; a single text counts as a one-element list, a mapping is an error. */
    List<String> texts(Node node, String key) {
        List<String> values = new ArrayList<>();
        if (node instanceof ScalarNode scalar) {
            String value = text(scalar, key);
            return value == null || value.isBlank() ? values : List.of(value);
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, "'" + key + "' must be a list of texts, not " + kind(node));
        }
        for (Node item : sequence.getValue()) {
            String value = item instanceof ScalarNode ? text(item, key) : null;
            if (value == null || value.isBlank()) {
                throw error(item, "'" + key + "' must be a list of texts; this item is "
                        + (item instanceof ScalarNode ? "empty" : kind(item)));
            }
            values.add(value);
        }
        return values;
    }

    /** Any value as plain Java: maps, lists, strings, numbers, booleans, null. */
    Object plain(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            entries(mapping, "a mapping").forEach((k, tuple) -> map.put(k, plain(tuple.getValueNode())));
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(plain(item)));
            return list;
        }
        return scalar((ScalarNode) node);
    }

    private static Object scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = scalar.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            } else if (Tag.BOOL.equals(tag)) {
                return Set.of("true", "yes", "on").contains(value.toLowerCase());
            } else if (Tag.INT.equals(tag)) {
                long number = Long.parseLong(value.replace("_", ""));
                return number == (int) number ? (Object) (int) number : (Object) number;
            } else if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "text";
    }

    private static String hint(String problem) {
        boolean star = problem != null && (problem.contains("*(42)") || problem.contains("alias"));
        return star ? " (quote globs that start with '*', e.g. \"**/*.java\")" : "";
    }

    private static String oneLine(String text) {
        return text == null ? "unreadable" : text.replaceAll("\\s+", " ").trim();
    }
}
