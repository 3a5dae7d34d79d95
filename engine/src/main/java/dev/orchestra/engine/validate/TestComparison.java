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
 * @param renamed tests that ran under a new name of the same class and method ({@code old → new}: JUnit 5 names
 *     parameterized tests otherwise than JUnit 4), so neither in {@code notRun} nor in {@code added}
 */
public record TestComparison(
        List<String> newlyFailing,
        List<String> newlyPassing,
        List<String> stillFailing,
        List<String> notRun,
        List<String> added,
        int stillPassing,
        List<String> renamed) {}
