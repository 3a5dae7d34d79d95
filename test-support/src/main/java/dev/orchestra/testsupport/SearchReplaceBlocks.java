package dev.orchestra.testsupport;

import java.util.List;
import java.util.Map;

/**
 * A writer's answer as its prompt asks for it: a sentence of rationale, then one SEARCH/REPLACE block per edit
 * (maps with {@code path}, {@code search} and {@code replace}, as in the JSON form).
 */
public final class SearchReplaceBlocks {
    private SearchReplaceBlocks() {}

    public static String text(String rationale, String path, String search, String replace) {
        return text(rationale, List.of(Map.of("path", path, "search", search, "replace", replace)));
    }

    public static String text(String rationale, List<Map<String, String>> edits) {
        StringBuilder out = new StringBuilder(rationale).append('\n');
        for (Map<String, String> edit : edits) {
            out.append('\n').append(edit.get("path")).append("\n<<<<<<< SEARCH\n").append(lines(edit.get("search")))
                    .append("=======\n").append(lines(edit.get("replace"))).append(">>>>>>> REPLACE\n");
        }
        return out.toString();
    }

    /** The text as whole lines: with a final line break, or nothing when empty. */
    private static String lines(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
