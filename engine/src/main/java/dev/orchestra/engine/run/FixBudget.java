package dev.orchestra.engine.run;

import dev.orchestra.engine.context.TokenEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The token budget of one request to the fix planner ({@value #TOKENS} tokens, estimated at four characters a token):
 * the failure report gets at most 30% (compiler errors come first in it, so they are the last to go), the files shown
 * in full up to 40% (the first file the compiler names always, the others it names before any other file), the
 * repository map a third of what is left (at most {@value #MAX_MAP} tokens), and the diff of the change the rest.
 */
final class FixBudget {
    static final int TOKENS = 16_000;
    /** The system prompt, the plan schema, the tags and the closing request. */
    static final int OVERHEAD = 1_500;
    static final int MIN_DIFF = 1_000;
    static final int MIN_MAP = 500;
    static final int MAX_MAP = 4_000;
    /** What a file's fence (tag, path) adds to its text. */
    private static final int FILE_FENCE = 20;

    private FixBudget() {}

    /** What goes into the request, each part within its share. */
    record Fitted(String report, String diff, List<String> files, int mapTokens) {
        int tokens(ToIntFunction<String> fileTokens) {
            return TokenEstimate.of(report) + TokenEstimate.of(diff) + mapTokens
                    + files.stream().mapToInt(f -> fileTokens.applyAsInt(f) + FILE_FENCE).sum();
        }
    }

    /** Fits the report, the files and the diff into the budget; {@code fileTokens} gives a file's size in tokens. */
    static Fitted fit(String task, FailureReport report, String diff, ToIntFunction<String> fileTokens) {
        int left = TOKENS - OVERHEAD - TokenEstimate.of(task);
        String text = cutLines(report.text(), Math.max(MIN_DIFF, left * 3 / 10));
        left -= TokenEstimate.of(text);
        int forFiles = Math.max(0, left - MIN_DIFF - MIN_MAP);
        List<String> files = new ArrayList<>();
        int used = choose(report.brokenFiles(), forFiles, true, files, 0, fileTokens);
        used = choose(report.relatedFiles(), Math.min(forFiles, TOKENS * 4 / 10), false, files, used, fileTokens);
        left -= used;
        int map = Math.max(MIN_MAP, Math.min(MAX_MAP, left / 3));
        int forDiff = Math.max(MIN_DIFF, left - map);
        return new Fitted(text, Diffs.cut(diff, forDiff * TokenEstimate.CHARS_PER_TOKEN), files, map);
    }

    /** Adds files in order while they fit in {@code limit}; the first broken file always. Returns the tokens used. */
    private static int choose(List<String> candidates, int limit, boolean firstAlways, List<String> into, int used,
                              ToIntFunction<String> fileTokens) {
        for (String file : candidates) {
            int cost = fileTokens.applyAsInt(file) + FILE_FENCE;
            boolean first = firstAlways && into.isEmpty();
            if (!into.contains(file) && (first || used + cost <= limit)) {
                into.add(file);
                used += cost;
            }
        }
        return used;
    }

    /** The text's first lines within {@code tokens}, and a line saying how many were left out. */
    static String cutLines(String text, int tokens) {
        if (TokenEstimate.of(text) <= tokens) {
            return text;
        }
        List<String> lines = text.lines().toList();
        StringBuilder kept = new StringBuilder();
        int cost = 0;
        int shown = 0;
        for (String line : lines) {
            cost += TokenEstimate.ofLine(line);
            if (cost > tokens - 20) {
                break;
            }
            kept.append(line).append('\n');
            shown++;
        }
        return kept.append("… (").append(lines.size() - shown).append(" more lines left out to fit the fix request's budget)\n")
                .toString();
    }
}
