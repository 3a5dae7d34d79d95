package dev.orchestra.engine.edit;

import java.util.List;

/** Turns edit failures into a short text a model agent can act on in its next attempt. */
public final class EditFeedback {
    private EditFeedback() {}

    /** All failures of one attempt, with the reminder that none of the edits were applied. */
    public static String describe(List<EditFailure> failures) {
        StringBuilder out = new StringBuilder();
        out.append(failures.size() == 1 ? "1 edit" : failures.size() + " edits")
                .append(" did not apply, so no file was changed. Send the whole list of edits again, corrected.\n");
        for (EditFailure failure : failures) {
            out.append('\n').append(describe(failure)).append('\n');
        }
        return out.toString();
    }

    /** One failure: which edit (counted from 1), which file, what went wrong, and what to do. */
    public static String describe(EditFailure failure) {
        String which = failure.index() < 0 ? "Writing the files" : "Edit " + (failure.index() + 1);
        String where = failure.path().isEmpty() ? "" : " (" + failure.path() + ")";
        StringBuilder out = new StringBuilder(which + where + ": " + failure.reason() + ".");
        String hint = hint(failure.reason());
        if (!hint.isEmpty()) {
            out.append(' ').append(hint);
        }
        if (!failure.closestLines().isEmpty()) {
            out.append(failure.reason().startsWith("search text is indented") ? "\nThe lines it matched in the file"
                            : "\nThe most similar lines in the file")
                    .append(" (line numbers are not part of the text):\n")
                    .append(failure.closestLines());
        }
        return out.toString();
    }

    private static String hint(String reason) {
        if (reason.startsWith("search text matches")) {
            return "Add neighbouring lines to the search text so that it matches one place only.";
        }
        if (reason.startsWith("search text not found")) {
            return "Copy the search text exactly from the current file.";
        }
        if (reason.startsWith("search text is indented differently")) {
            return "Copy the search text with the file's own indentation, and indent the replacement the same way.";
        }
        if (reason.startsWith("the same edit as edit")) {
            return "Send each edit once.";
        }
        if (reason.startsWith("file does not exist")) {
            return "Check the path, or create the file with an empty search text.";
        }
        if (reason.startsWith("search text is blank")) {
            return "Give the lines to replace, or an empty search text to create a new file.";
        }
        return "";
    }
}
