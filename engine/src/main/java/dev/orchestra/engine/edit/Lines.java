package dev.orchestra.engine.edit;

import java.util.ArrayList;
import java.util.List;

/** A body split into '\n'-separated lines, with the offset where each starts. */
final class Lines {
    private final String body;
    private final List<String> lines;
    private final int[] starts;

    Lines(String body) {
        this.body = body;
        this.lines = split(body);
        this.starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = starts[i] + lines.get(i).length() + 1;
        }
    }

    static List<String> split(String text) {
        return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text.split("\n", -1)));
    }

    /** 1-based number of the line holding the character at {@code offset}. */
    static int lineNumber(String body, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    List<String> all() {
        return lines;
    }

    int size() {
        return lines.size();
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return starts[line] + lines.get(line).length();
    }

    /** The range covering lines {@code [from, to)}, with one adjacent line break when they are removed. */
    int[] range(int from, int to, boolean removed) {
        int start = start(from);
        int end = end(to - 1);
        if (removed && to < lines.size()) {
            end = start(to);
        } else if (removed && from > 0) {
            start = start - 1;
        }
        return new int[] {start, Math.min(end, body.length())};
    }
}
