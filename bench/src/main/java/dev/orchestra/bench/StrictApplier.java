package dev.orchestra.bench;

import dev.orchestra.engine.edit.Edit;
import java.util.List;

/** The baseline: the search text must occur exactly once, byte for byte; nothing is normalised. */
final class StrictApplier {
    private StrictApplier() {}

    /** The content after every edit in order, or null when one of them does not apply. */
    static String apply(String content, List<Edit> edits) {
        String result = content;
        for (Edit edit : edits) {
            result = result == null ? null : apply(result, edit);
        }
        return result;
    }

    /** The new content, or null when the search text occurs zero or several times. */
    static String apply(String content, Edit edit) {
        int first = content.indexOf(edit.search());
        if (first < 0 || content.indexOf(edit.search(), first + 1) >= 0) {
            return null;
        }
        return content.substring(0, first) + edit.replace() + content.substring(first + edit.search().length());
    }
}
