package dev.orchestra.engine.edit;

import java.util.List;

/**
 * Where an edit's search text was found: one match, several places (refused), one place whose indentation could not
 * be mapped onto the file's (refused), or nowhere.
 *
 * @param match the one place and its replacement, or null
 * @param places 1-based first lines of every match when there was more than one
 * @param problem why the one place found was refused, or null
 * @param lines the 1-based first and last line of the place refused, or null
 */
record Located(Match match, List<Integer> places, String problem, int[] lines) {

    /** What replaces the characters {@code [start, end)} of the file's body, and at which level. */
    record Match(int start, int end, String text, Level level) {
        String applyTo(String body) {
            return body.substring(0, start) + text + body.substring(end);
        }
    }

    /** How tolerant the matching had to be. */
    enum Level { EXACT, WHITESPACE, UNICODE }

    static final Located NOWHERE = new Located(null, List.of(), null, null);

    static Located at(Match match) {
        return new Located(match, List.of(), null, null);
    }

    static Located ambiguous(List<Integer> places) {
        return new Located(null, List.copyOf(places), null, null);
    }

    /** Found at lines {@code first..last} (1-based), but refused for {@code problem}. */
    static Located refused(String problem, int first, int last) {
        return new Located(null, List.of(), problem, new int[] {first, last});
    }

    boolean refused() {
        return problem != null;
    }

    boolean found() {
        return match != null;
    }

    boolean ambiguous() {
        return places.size() > 1;
    }

    /** Found or refused: either way the search is over. */
    boolean decided() {
        return found() || ambiguous() || refused();
    }
}
