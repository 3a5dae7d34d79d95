package dev.orchestra.engine.validate;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * One run of the validation hook: its exit code and the test cases found in its JUnit XML.
 *
 * @param exitCode the hook's exit code (-1 when it was killed for its time limit)
 * @param cases every test case found, sorted by id
 * @param durationMillis how long the hook ran
 * @param timedOutAfterSeconds the time limit the hook was killed at, or null when it ended by itself
 */
public record TestRun(int exitCode, List<TestCase> cases, long durationMillis, Long timedOutAfterSeconds) {
    @JsonCreator
    public TestRun {
        cases = List.copyOf(cases);
    }

    /** A run that ended by itself. */
    public TestRun(int exitCode, List<TestCase> cases, long durationMillis) {
        this(exitCode, cases, durationMillis, null);
    }

    public boolean timedOut() {
        return timedOutAfterSeconds != null;
    }

    public long count(TestCase.Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** One line for people: {@code 4 passed, 1 failing, 0 skipped (exit 1)}, or {@code (timed out after 60 s)}. */
    public String summary() {
        return count(TestCase.Outcome.PASSED) + " passed, " + (count(TestCase.Outcome.FAILED) + count(TestCase.Outcome.ERROR))
                + " failing, " + count(TestCase.Outcome.SKIPPED) + " skipped (" + ending() + ")";
    }

    /** {@code exit N}, or {@code timed out after N s}. */
    public String ending() {
        return timedOut() ? "timed out after " + timedOutAfterSeconds + " s" : "exit " + exitCode;
    }

    /** Passed when the hook exited 0 by itself and no test failed or errored. */
    public boolean passed() {
        return !timedOut() && exitCode == 0 && cases.stream().noneMatch(c -> c.outcome().broken());
    }
}
