package dev.orchestra.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader of a Markdown page sees of its structure, as CommonMark renders it: the headings outside fenced
 * code blocks, and any HTML comment that would hide the rest of the page. For tests that check untrusted text
 * cannot add or hide a section.
 */
public final class MarkdownOutline {
    private MarkdownOutline() {}

    /** The headings ({@code ## What changed}) a renderer shows, in order. */
    public static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        forEachVisibleLine(markdown, line -> {
            if (line.matches("#{1,6}( .*)?")) {
                headings.add(line);
            }
        });
        return headings;
    }

    /** The lines that open an HTML comment ({@code <!--} not escaped, outside code blocks and code spans). */
    public static List<String> openComments(String markdown) {
        List<String> comments = new ArrayList<>();
        forEachVisibleLine(markdown, line -> {
            if (CODE_SPAN.matcher(line).replaceAll("").matches("(?s).*(?<!\\\\)<!--.*")) {
                comments.add(line);
            }
        });
        return comments;
    }

    /** A code span: a run of backticks, the shortest text, and a run of the same length (CommonMark 6.1). */
    private static final java.util.regex.Pattern CODE_SPAN =
            java.util.regex.Pattern.compile("(?<!`)(`+)(?!`)(.*?)(?<!`)\\1(?!`)");

    private static void forEachVisibleLine(String markdown, java.util.function.Consumer<String> action) {
        String fence = null;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.replaceFirst("^ {0,3}", "");
            String run = fenceRun(line);
            if (fence == null && run != null) {
                fence = run;
            } else if (fence != null && run != null && run.charAt(0) == fence.charAt(0) && run.length() >= fence.length()
                    && line.strip().equals(run)) {
                fence = null;
            } else if (fence == null) {
                action.accept(line);
            }
        }
    }

    private static String fenceRun(String line) {
        if (!line.startsWith("```") && !line.startsWith("~~~")) {
            return null;
        }
        int length = 0;
        while (length < line.length() && line.charAt(length) == line.charAt(0)) {
            length++;
        }
        return line.substring(0, length);
    }
}
