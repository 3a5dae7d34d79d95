package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.Located.Level;
import dev.orchestra.engine.edit.Located.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where one edit applies in a file's body, at the strictest level that finds its search text:
 * exact, then whitespace-normalised, then unicode-normalised. At every level more than one match
 * is a refusal, never a guess; so is one match whose indentation cannot be mapped onto the file's
 * ({@link Reindenter}), and an exact match while the replacement repeats the line next to another
 * place the search text matches ignoring indentation. A context line the search text left out and
 * the replacement repeats is added to the search text ({@link ContextRepair}).
 */
final class EditLocator {
    private final String body;
    private final Lines lines;

    EditLocator(String body) {
        this.body = body;
        this.lines = new Lines(body);
    }

    /** Search and replace with '\n' line breaks and without one final line break. */
    static String plain(String text) {
        String lf = text == null ? "" : text.replace("\r\n", "\n");
        return lf.endsWith("\n") ? lf.substring(0, lf.length() - 1) : lf;
    }

    Located locate(String search, String replace) {
        String s = plain(search);
        String r = plain(replace);
        Located located = locatePlain(s, r);
        if (!located.found() || r.isEmpty()) {
            return located;
        }
        ContextRepair repair = new ContextRepair(lines, s, r);
        String repaired = repair.repair(located.match());
        if (repaired.equals(s)) {
            List<Integer> others = placesTheReplacementPointsAt(s, repair, located.match());
            return others.isEmpty() ? located : Located.ambiguous(others);
        }
        Located again = locatePlain(repaired, r);
        return again.found() || again.refused() ? again : located;
    }

    /**
     * An exact match whose replacement repeats none of its neighbouring lines, while the search text also matches,
     * ignoring indentation, next to a line the replacement repeats: the answer points at two places. Returns the
     * first lines of all of them, or nothing when it points at this one only.
     */
    private List<Integer> placesTheReplacementPointsAt(String s, ContextRepair repair, Match found) {
        if (found.level() != Level.EXACT) {
            return List.of();
        }
        List<Integer> places = new ArrayList<>(List.of(Lines.lineNumber(body, found.start())));
        for (int[] place : new LineBlockMatcher(lines, LineNormalizer.WHITESPACE).places(s)) {
            Match there = new Match(lines.start(place[0]), lines.end(place[1] - 1), "", Level.WHITESPACE);
            boolean elsewhere = found.end() < there.start() || found.start() > there.end();
            if (elsewhere && !repair.repair(there).equals(s)) {
                places.add(place[0] + 1);
            }
        }
        return places.size() > 1 ? places.stream().sorted().toList() : List.of();
    }

    private Located locatePlain(String s, String r) {
        Located exact = exact(s, r);
        if (exact.decided()) {
            return exact;
        }
        for (LineNormalizer normalizer : LineNormalizer.values()) {
            Located located = new LineBlockMatcher(lines, normalizer).locate(s, r);
            if (located.decided()) {
                return located;
            }
        }
        return Located.NOWHERE;
    }

    private Located exact(String s, String r) {
        List<Integer> starts = new ArrayList<>();
        for (int at = body.indexOf(s); at >= 0; at = body.indexOf(s, at + 1)) {
            if (bounded(at, at + s.length())) {
                starts.add(at);
            }
        }
        if (starts.size() > 1) {
            return Located.ambiguous(starts.stream().map(at -> Lines.lineNumber(body, at)).toList());
        }
        if (starts.isEmpty() || indentedStart(starts.get(0))) {
            return Located.NOWHERE;
        }
        int start = starts.get(0);
        int end = start + s.length();
        if (r.isEmpty() && atLineStart(start) && atLineEnd(end)) {
            return Located.at(removeLines(start, end));
        }
        return Located.at(new Match(start, end, r, Level.EXACT));
    }

    private Match removeLines(int start, int end) {
        if (end < body.length()) {
            return new Match(start, end + 1, "", Level.EXACT);
        }
        return new Match(Math.max(0, start - 1), end, "", Level.EXACT);
    }

    /** A match may not split a word: "x = 1" does not match inside "max = 1". */
    private boolean bounded(int start, int end) {
        boolean splitsBefore = start > 0 && start < body.length()
                && Character.isJavaIdentifierPart(body.charAt(start))
                && Character.isJavaIdentifierPart(body.charAt(start - 1));
        boolean splitsAfter = end > 0 && end < body.length()
                && Character.isJavaIdentifierPart(body.charAt(end - 1))
                && Character.isJavaIdentifierPart(body.charAt(end));
        return !splitsBefore && !splitsAfter;
    }

    /** The search text lacks the indentation of its line: the line levels re-indent the replacement. */
    private boolean indentedStart(int start) {
        int i = start - 1;
        while (i >= 0 && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
            i--;
        }
        return i < start - 1 && (i < 0 || body.charAt(i) == '\n');
    }

    private boolean atLineStart(int offset) {
        return offset == 0 || body.charAt(offset - 1) == '\n';
    }

    private boolean atLineEnd(int offset) {
        return offset == body.length() || body.charAt(offset) == '\n';
    }
}
