package dev.orchestra.engine.validate;

import java.util.List;

/**
 * One run of the validation hook: its exit code and the test cases found in its JUnit XML.
 *
 * @param exitCode the hook's exit code (-1 when it was killed for its time limit)
 * @param cases every test case found, sorted by id
 * @param durationMillis how long the hook ran
 */
public record TestRun(int exitCode, List<TestCase> cases, long durationMillis) {
    public TestRun {
        cases = List.copyOf(cases);
    }

    public long count(TestCase.Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** One line for people: {@code 4 passed, 1 failing, 0 skipped (exit 1)}. */
    public String summary() {
        return count(TestCase.Outcome.PASSED) + " passed, " + (count(TestCase.Outcome.FAILED) + count(TestCase.Outcome.ERROR))
                + " failing, " + count(TestCase.Outcome.SKIPPED) + " skipped (exit " + exitCode + ")";
    }

    /** Passed when the hook exited 0 and no test failed or errored. */
    public boolean passed() {
        return exitCode == 0 && cases.stream().noneMatch(c -> c.outcome().broken());
    }
}
