package dev.orchestra.engine.edit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Indentation widths and styles, with a tab counting as {@value #TAB} columns. */
final class Indentation {
    static final int TAB = 4;

    private Indentation() {}

    static String of(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    static int width(String line) {
        int width = 0;
        for (char c : of(line).toCharArray()) {
            width = c == '\t' ? (width / TAB + 1) * TAB : width + 1;
        }
        return width;
    }

    /** {@code indent} moved by {@code columns} (either way), written with tabs if it used them. */
    static String shift(String indent, int columns, boolean tabs) {
        int target = Math.max(0, width(indent) + columns);
        if (tabs) {
            return "\t".repeat(target / TAB) + " ".repeat(target % TAB);
        }
        return " ".repeat(target);
    }

    /**
     * The usual step between nesting levels in these lines: the most frequent positive increase in
     * width from one non-blank line to the next (ties go to the smaller), or 0 when there is none.
     * Javadoc continuation lines ({@code " * "}) are skipped, their one-column step is not nesting.
     */
    static int unit(List<String> lines) {
        Map<Integer, Integer> steps = new TreeMap<>();
        int previous = -1;
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("*")) {
                continue;
            }
            int width = width(line);
            if (previous >= 0 && width > previous) {
                steps.merge(width - previous, 1, Integer::sum);
            }
            previous = width;
        }
        return steps.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue())
                        ? Integer.compare(b.getKey(), a.getKey())
                        : Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey)
                .orElse(0);
    }
}
