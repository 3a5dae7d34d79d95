package dev.orchestra.engine.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares the final validation with the baseline, test by test. */
public final class TestComparisons {
    private TestComparisons() {}

    /** What changed between {@code baseline} and {@code after}; every list is sorted by test id. */
    public static TestComparison compare(TestRun baseline, TestRun after) {
        Map<String, TestCase> before = byId(baseline);
        Map<String, TestCase> now = byId(after);
        List<String> newlyFailing = new ArrayList<>();
        List<String> newlyPassing = new ArrayList<>();
        List<String> stillFailing = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int stillPassing = 0;
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(now.keySet());
        for (String id : ids) {
            TestCase.Outcome was = outcome(before.get(id));
            TestCase.Outcome is = outcome(now.get(id));
            boolean ranBefore = was != null && was != TestCase.Outcome.SKIPPED;
            boolean brokenBefore = was != null && was.broken();
            if (is != null && is.broken()) {
                (brokenBefore ? stillFailing : newlyFailing).add(id);
            } else if (is == TestCase.Outcome.PASSED) {
                if (brokenBefore) {
                    newlyPassing.add(id);
                } else if (was == null) {
                    added.add(id);
                } else if (was == TestCase.Outcome.PASSED) {
                    stillPassing++;
                }
            } else if (ranBefore) {
                notRun.add(id);
            }
        }
        return new TestComparison(newlyFailing, newlyPassing, stillFailing, notRun, added, stillPassing);
    }

    private static Map<String, TestCase> byId(TestRun run) {
        if (run == null) {
            return Map.of();
        }
        return run.cases().stream().collect(Collectors.toMap(TestCase::id, Function.identity(), (a, b) -> b));
    }

    private static TestCase.Outcome outcome(TestCase testCase) {
        return testCase == null ? null : testCase.outcome();
    }
}
