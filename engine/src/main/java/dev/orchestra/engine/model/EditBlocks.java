package dev.orchestra.engine.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A writer's edits as plain-text SEARCH/REPLACE blocks, read into the same object as the JSON form
 * ({@code {"edits": [{"path", "search", "replace"}], "rationale"}}). A block is the file's path on its own line, then
 * {@code <<<<<<< SEARCH}, the lines to find, {@code =======}, the lines that replace them, {@code >>>>>>> REPLACE}.
 * Blocks may be fenced, have prose around them (the prose is the rationale), CRLF line breaks and no final line break;
 * a block with no path line is for the file of the block before it; an empty SEARCH part creates the file.
 */
final class EditBlocks {
    private static final Pattern SEARCH = Pattern.compile("<{5,9} ?SEARCH\\s*");
    private static final Pattern DIVIDER = Pattern.compile("={5,9}\\s*");
    private static final Pattern REPLACE = Pattern.compile(">{5,9} ?REPLACE\\s*");
    private static final Pattern FENCE = Pattern.compile("\\s*(```|~~~).*");
    /** A path: no spaces, and a dot or a slash in it, or a name like Makefile. */
    private static final Pattern PATH = Pattern.compile("[\\w.@+-]*[./][\\w./\\\\@+-]*|[A-Z]\\w*file");
    private static final Pattern LABEL = Pattern.compile("(?i)^(file|path)\\s*:\\s*");

    private EditBlocks() {}

    /** The edits read from the blocks, or what is wrong with them. */
    record Read(ObjectNode answer, String problem) {}

    /** True when the text has a line that opens a block. */
    static boolean present(String text) {
        return lines(text).stream().anyMatch(line -> SEARCH.matcher(line).matches());
    }

    static Read read(String text) {
        List<String> lines = lines(text);
        ArrayNode edits = JsonNodeFactory.instance.arrayNode();
        String path = null;
        int i = 0;
        while (i < lines.size()) {
            if (!SEARCH.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int number = edits.size() + 1;
            String named = pathAbove(lines, i);
            path = named != null ? named : path;
            if (path == null) {
                return problem("Block " + number + " names no file: put the file's path on its own line just above"
                        + " its <<<<<<< SEARCH line.");
            }
            int divider = next(lines, i + 1, DIVIDER);
            int end = divider < 0 ? -1 : next(lines, divider + 1, REPLACE);
            if (end < 0) {
                return problem("Block " + number + " (" + path + ") has no " + (divider < 0 ? "======= line" : ">>>>>>> "
                        + "REPLACE line") + ".");
            }
            ObjectNode edit = edits.addObject();
            edit.put("path", path);
            edit.put("search", part(lines, i + 1, divider));
            edit.put("replace", part(lines, divider + 1, end));
            i = end + 1;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("edits", edits);
        answer.put("rationale", rationale(lines));
        return new Read(answer, null);
    }

    private static Read problem(String problem) {
        return new Read(null, problem);
    }

    /** The path on the line above a block's first line, over one fence line and blank lines; null when there is none. */
    private static String pathAbove(List<String> lines, int search) {
        int i = search - 1;
        while (i >= 0 && lines.get(i).isBlank()) {
            i--;
        }
        if (i >= 0 && FENCE.matcher(lines.get(i)).matches()) {
            i--;
            while (i >= 0 && lines.get(i).isBlank()) {
                i--;
            }
        }
        if (i < 0 || REPLACE.matcher(lines.get(i)).matches() || FENCE.matcher(lines.get(i)).matches()) {
            return null;
        }
        String candidate = LABEL.matcher(lines.get(i).strip().replaceAll("^#+\\s*", "")).replaceFirst("")
                .replaceAll("^[*`'\"\\s]+|[*`'\":\\s]+$", "");
        return PATH.matcher(candidate).matches() ? candidate : null;
    }

    private static int next(List<String> lines, int from, Pattern marker) {
        for (int i = from; i < lines.size(); i++) {
            if (marker.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Lines {@code [from, to)} with a line break after each, or "" when there are none. */
    private static String part(List<String> lines, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /** The prose outside the blocks, their path lines and fences: what the writer said about its edits. */
    private static String rationale(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SEARCH.matcher(line).matches()) {
                inBlock = true;
                if (!prose.isEmpty() && pathAbove(lines, i) != null) {
                    prose.remove(prose.size() - 1);
                }
            } else if (REPLACE.matcher(line).matches()) {
                inBlock = false;
            } else if (!inBlock && !FENCE.matcher(line).matches() && !line.isBlank()) {
                prose.add(line.strip());
            }
        }
        return String.join(" ", prose);
    }

    private static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }
}
