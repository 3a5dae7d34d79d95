package dev.orchestra.bench;

import dev.orchestra.engine.edit.Edit;

/**
 * One benchmark edit: the file as it is on disk, the edit an agent sent, and the file the edit was
 * meant to produce (null when the only right answer is to refuse it).
 */
record EditCase(String variant, Category category, String content, Edit edit, String expected) {
    /** Which target a variant counts towards. */
    enum Category { EXACT, TOLERATED, DROPPED_CONTEXT, AMBIGUOUS }
}
