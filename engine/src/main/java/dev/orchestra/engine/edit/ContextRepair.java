package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.Located.Match;
import java.util.List;

/**
 * Mends a common model mistake: a search text that left out its first (or last) context line while
 * the replacement still repeats it. Applied as written, that line would be doubled; instead the
 * line is added to the search text, so it is replaced rather than repeated.
 */
final class ContextRepair {
    private final Lines file;
    private final String search;
    private final List<String> searchLines;
    private final List<String> replaceLines;

    ContextRepair(Lines file, String search, String replace) {
        this.file = file;
        this.search = search;
        this.searchLines = nonBlank(Lines.split(search));
        this.replaceLines = nonBlank(Lines.split(replace));
    }

    /** The search text, with the neighbouring file line added where the replacement repeats it. */
    String repair(Match match) {
        if (searchLines.isEmpty() || replaceLines.isEmpty()) {
            return search;
        }
        String repaired = search;
        int first = lineAt(match.start());
        if (first > 0 && file.start(first) == match.start()
                && repeats(file.all().get(first - 1), replaceLines.get(0), searchLines.get(0))) {
            repaired = file.all().get(first - 1) + "\n" + repaired;
        }
        int last = lineAt(match.end());
        if (last + 1 < file.size() && file.end(last) == match.end()
                && repeats(file.all().get(last + 1), replaceLines.get(replaceLines.size() - 1),
                        searchLines.get(searchLines.size() - 1))) {
            repaired = repaired + "\n" + file.all().get(last + 1);
        }
        return repaired;
    }

    /**
     * The replacement's end line is the file line next to the match, and not merely the search
     * text's own end line kept: it differs from it in text or in indentation.
     */
    private static boolean repeats(String neighbour, String replaceEnd, String searchEnd) {
        String n = LineNormalizer.UNICODE.apply(neighbour);
        boolean otherLine = !n.equals(LineNormalizer.UNICODE.apply(searchEnd))
                || Indentation.width(replaceEnd) != Indentation.width(searchEnd);
        return !n.isEmpty() && n.equals(LineNormalizer.UNICODE.apply(replaceEnd)) && otherLine;
    }

    private int lineAt(int offset) {
        int line = 0;
        while (line + 1 < file.size() && file.start(line + 1) <= offset) {
            line++;
        }
        return line;
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
