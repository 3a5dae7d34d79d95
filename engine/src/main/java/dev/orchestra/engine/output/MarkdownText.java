package dev.orchestra.engine.output;

/**
 * Puts untrusted text (the ticket, model output, file names, test ids) into Markdown so that it shows as it is and
 * cannot open a fence, a comment, a heading, a link or raw HTML: multi-line text in a fence longer than any run of
 * backticks in it, names in a code span the same way, and short prose on one line with Markdown's own characters
 * escaped. Control characters are stripped from all of them.
 */
public final class MarkdownText {
    /** The characters Markdown acts on inside a line: code, emphasis, links, images, HTML and entities, tables. */
    private static final String SIGNIFICANT = "\\`*_[]<>!|&~#";

    private MarkdownText() {}

    /** {@code text} as a fenced block of plain text, each line prefixed by {@code indent} (for list items). */
    public static String block(String text, String indent) {
        String clean = ControlCharacters.strip(text == null ? "" : text).stripTrailing();
        String fence = "`".repeat(Math.max(3, longestRun(clean, '`') + 1));
        StringBuilder md = new StringBuilder(indent).append(fence).append("text\n");
        clean.lines().forEach(line -> md.append(line.isEmpty() ? "" : indent + line).append('\n'));
        return md.append(indent).append(fence).append('\n').toString();
    }

    /** {@code text} as a fenced block at the start of a line. */
    public static String block(String text) {
        return block(text, "");
    }

    /** A name (file, test, path) as a code span; line breaks in it show as {@code \n}. */
    public static String code(String name) {
        String clean = oneLine(name, "\\n");
        String ticks = "`".repeat(longestRun(clean, '`') + 1);
        boolean pad = clean.startsWith("`") || clean.endsWith("`") || (clean.startsWith(" ") && clean.endsWith(" "));
        return ticks + (pad ? " " + clean + " " : clean) + ticks;
    }

    /** Prose on one line (a summary, a reason, a risk), its Markdown characters escaped. */
    public static String inline(String text) {
        String clean = oneLine(text, " ");
        StringBuilder md = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (SIGNIFICANT.indexOf(c) >= 0) {
                md.append('\\');
            }
            md.append(c);
        }
        return md.toString();
    }

    /** The length of the longest run of {@code c} in {@code text}. */
    public static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String oneLine(String text, String lineBreak) {
        String clean = ControlCharacters.strip(text == null ? "" : text);
        return clean.replace("\n", lineBreak).replace("\t", " ");
    }
}
