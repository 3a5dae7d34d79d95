package dev.orchestra.engine.edit;

import java.util.List;

/**
 * The window of file lines most like a search text that matched nowhere, with line numbers, so an
 * agent can copy the real text into its next attempt. Lines are compared after normalisation, by
 * edit distance; a window must be at least {@value #MIN_SIMILARITY} similar to be shown.
 */
final class ClosestLines {
    static final double MIN_SIMILARITY = 0.3;
    private static final int MAX_LINE = 200;

    private ClosestLines() {}

    static String find(String body, String search) {
        List<String> fileLines = Lines.split(body);
        List<String> searchLines = Lines.split(EditLocator.plain(search)).stream()
                .map(LineNormalizer.UNICODE).filter(line -> !line.isEmpty()).toList();
        if (searchLines.isEmpty() || fileLines.isEmpty()) {
            return "";
        }
        List<String> normalFile = fileLines.stream().map(LineNormalizer.UNICODE).toList();
        int window = Math.min(searchLines.size(), fileLines.size());
        int best = -1;
        double bestScore = MIN_SIMILARITY * window;
        for (int start = 0; start + window <= fileLines.size(); start++) {
            double score = 0;
            for (int j = 0; j < window; j++) {
                score += similarity(searchLines.get(j), normalFile.get(start + j));
            }
            if (score > bestScore) {
                bestScore = score;
                best = start;
            }
        }
        return best < 0 ? "" : numbered(fileLines, best, window);
    }

    /** Lines {@code [from, from + count)} of {@code lines}, each after its 1-based number. */
    static String numbered(List<String> lines, int from, int count) {
        int width = String.valueOf(from + count).length();
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append(String.format("%" + width + "d| %s", i + 1, lines.get(i))).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** 1 for equal lines, 0 for nothing in common: one minus the edit distance over the longer length. */
    static double similarity(String a, String b) {
        String x = a.length() > MAX_LINE ? a.substring(0, MAX_LINE) : a;
        String y = b.length() > MAX_LINE ? b.substring(0, MAX_LINE) : b;
        int longest = Math.max(x.length(), y.length());
        return longest == 0 ? 1 : 1 - (double) EditDistance.between(x, y) / longest;
    }
}
