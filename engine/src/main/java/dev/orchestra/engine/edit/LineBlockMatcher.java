package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.Located.Level;
import dev.orchestra.engine.edit.Located.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a search text as a block of whole lines, comparing lines through a {@link LineNormalizer},
 * ignoring blank lines at the ends of the search text, and re-indents the replacement to the file.
 */
final class LineBlockMatcher {
    private final Lines file;
    private final LineNormalizer normalizer;
    private final List<String> normalFile;

    LineBlockMatcher(Lines file, LineNormalizer normalizer) {
        this.file = file;
        this.normalizer = normalizer;
        this.normalFile = file.all().stream().map(normalizer).toList();
    }

    Located locate(String search, String replace) {
        List<String> searchLines = Lines.split(search);
        List<String> replaceLines = Lines.split(replace);
        int lead = trimLeadingBlank(searchLines, Integer.MAX_VALUE);
        int trail = trimTrailingBlank(searchLines, Integer.MAX_VALUE);
        if (searchLines.isEmpty()) {
            return Located.NOWHERE;
        }
        trimLeadingBlank(replaceLines, lead);
        trimTrailingBlank(replaceLines, trail);
        List<Integer> starts = starts(searchLines.stream().map(normalizer).toList());
        if (starts.size() > 1) {
            return Located.ambiguous(starts.stream().map(i -> i + 1).toList());
        }
        if (starts.isEmpty()) {
            return Located.NOWHERE;
        }
        return replacement(starts.get(0), searchLines, replaceLines);
    }

    /** The lines {@code [from, to)} of every place the search text matches at this level, blank lines at its ends left out. */
    List<int[]> places(String search) {
        List<String> searchLines = Lines.split(search);
        trimLeadingBlank(searchLines, Integer.MAX_VALUE);
        trimTrailingBlank(searchLines, Integer.MAX_VALUE);
        if (searchLines.isEmpty()) {
            return List.of();
        }
        return starts(searchLines.stream().map(normalizer).toList()).stream()
                .map(start -> new int[] {start, start + searchLines.size()}).toList();
    }

    private Located replacement(int from, List<String> searchLines, List<String> replaceLines) {
        int to = from + searchLines.size();
        List<String> block = file.all().subList(from, to);
        List<String> replace = replaceLines;
        if (normalizer == LineNormalizer.UNICODE) {
            replace = Lines.split(LineNormalizer.repairTypography(
                    String.join("\n", replaceLines), String.join("\n", searchLines), String.join("\n", block)));
        }
        Reindenter.Result reindented = new Reindenter(block, searchLines, replace, Indentation.unit(file.all()),
                normalizer).reindent(replace);
        if (reindented.problem() != null) {
            return Located.refused(reindented.problem(), from + 1, to);
        }
        List<String> lines = reindented.lines();
        int[] range = file.range(from, to, lines.isEmpty());
        Level level = normalizer == LineNormalizer.UNICODE ? Level.UNICODE : Level.WHITESPACE;
        return Located.at(new Match(range[0], range[1], String.join("\n", lines), level));
    }

    private List<Integer> starts(List<String> normalSearch) {
        List<Integer> starts = new ArrayList<>();
        int last = normalFile.size() - normalSearch.size();
        for (int i = 0; i <= last; i++) {
            if (matchesAt(i, normalSearch)) {
                starts.add(i);
            }
        }
        return starts;
    }

    private boolean matchesAt(int i, List<String> normalSearch) {
        for (int j = 0; j < normalSearch.size(); j++) {
            if (!normalFile.get(i + j).equals(normalSearch.get(j))) {
                return false;
            }
        }
        return true;
    }

    private static int trimLeadingBlank(List<String> lines, int max) {
        int removed = 0;
        while (removed < max && !lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
            removed++;
        }
        return removed;
    }

    private static int trimTrailingBlank(List<String> lines, int max) {
        int removed = 0;
        while (removed < max && !lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
            removed++;
        }
        return removed;
    }
}
