package dev.orchestra.bench;

import dev.orchestra.engine.edit.Edit;
import java.util.List;

/**
 * One benchmark answer: the file as it is on disk, the edits an agent sent (usually one), and the
 * file they were meant to produce (null when the only right answer is to refuse them).
 */
record EditCase(String variant, Category category, String content, List<Edit> edits, String expected) {
    EditCase(String variant, Category category, String content, Edit edit, String expected) {
        this(variant, category, content, List.of(edit), expected);
    }

    /** Which target a variant counts towards. */
    enum Category { EXACT, TOLERATED, DROPPED_CONTEXT, AMBIGUOUS }
}
