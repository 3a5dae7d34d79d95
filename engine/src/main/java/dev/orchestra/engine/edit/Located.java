package dev.orchestra.engine.edit;

import java.util.List;

/**
 * Where an edit's search text was found: one match, several places (refused), or nowhere.
 *
 * @param match the one place and its replacement, or null
 * @param places 1-based first lines of every match when there was more than one
 */
record Located(Match match, List<Integer> places) {

    /** What replaces the characters {@code [start, end)} of the file's body, and at which level. */
    record Match(int start, int end, String text, Level level) {
        String applyTo(String body) {
            return body.substring(0, start) + text + body.substring(end);
        }
    }

    /** How tolerant the matching had to be. */
    enum Level { EXACT, WHITESPACE, UNICODE }

    static final Located NOWHERE = new Located(null, List.of());

    static Located at(Match match) {
        return new Located(match, List.of());
    }

    static Located ambiguous(List<Integer> places) {
        return new Located(null, List.copyOf(places));
    }

    boolean found() {
        return match != null;
    }

    boolean ambiguous() {
        return places.size() > 1;
    }

    /** Found or refused: either way the search is over. */
    boolean decided() {
        return found() || ambiguous();
    }
}
