package dev.orchestra.engine.publish;

import dev.orchestra.engine.state.RunState;

/** A pull request's title (from the task) and description (SUMMARY.md, cut to the forge's limit, with a footer). */
final class PullRequestText {
    static final int TITLE_LIMIT = 200;

    private PullRequestText() {}

    /** The task's first line without Markdown heading marks; the workflow's name for a task without text. */
    static String title(RunState state) {
        String first = state.task() == null ? "" : state.task().lines().map(String::strip)
                .map(line -> line.replaceFirst("^#+\\s*", "")).filter(line -> !line.isEmpty()).findFirst().orElse("");
        if (first.isEmpty()) {
            String workflow = state.request().workflow() == null ? "changes" : state.request().workflow().replaceAll(".*[/\\\\]", "")
                    .replaceAll("\\.ya?ml$", "");
            first = "Orchestra: " + workflow;
        }
        first = first.replaceAll("\\p{Cntrl}", " ");
        return first.length() <= TITLE_LIMIT ? first : first.substring(0, TITLE_LIMIT - 1) + "…";
    }

    /** {@code summary} then {@code footer}, the summary cut at a line so that all of it fits in {@code limit}. */
    static String body(String summary, String footer, int limit) {
        String tail = "\n\n---\n" + footer;
        if (summary.length() + tail.length() <= limit) {
            return summary + tail;
        }
        String cutNote = "\n\n… (cut to fit the forge's limit of " + limit + " characters; the whole SUMMARY.md is in the bundle)";
        int room = Math.max(0, limit - tail.length() - cutNote.length());
        String cut = summary.substring(0, Math.min(room, summary.length()));
        int lastLine = cut.lastIndexOf('\n');
        if (lastLine > room / 2) {
            cut = cut.substring(0, lastLine);
        }
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + cutNote + tail;
    }
}
