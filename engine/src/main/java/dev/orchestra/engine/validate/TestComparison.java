package dev.orchestra.engine.validate;

import java.util.List;

/**
 * The final validation compared with the baseline taken before any change, by test id.
 *
 * @param newlyFailing passed (or did not exist) before, broken now
 * @param newlyPassing broken before, passes now
 * @param stillFailing broken before and now
 * @param notRun ran before, absent (or skipped) now
 * @param added did not exist before and passes now
 * @param stillPassing how many passed before and now
 */
public record TestComparison(
        List<String> newlyFailing,
        List<String> newlyPassing,
        List<String> stillFailing,
        List<String> notRun,
        List<String> added,
        int stillPassing) {}
