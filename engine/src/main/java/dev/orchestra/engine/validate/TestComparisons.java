package dev.orchestra.engine.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Set<String> newNames = new TreeSet<>(now.keySet());
        newNames.removeAll(before.keySet());
        List<String> renamed = renamed(notRun, added, newNames);
        return new TestComparison(newlyFailing, newlyPassing, stillFailing, notRun, added, stillPassing, renamed);
    }

    /**
     * Pairs tests that did not run under their old name with new names of the same class and method (in id order),
     * takes the pairs out of {@code notRun} and {@code added}, and returns them as {@code old → new}.
     */
    private static List<String> renamed(List<String> notRun, List<String> added, Set<String> newNames) {
        Map<String, Deque<String>> newByMethod = new HashMap<>();
        newNames.forEach(id -> newByMethod.computeIfAbsent(method(id), m -> new ArrayDeque<>()).add(id));
        List<String> pairs = new ArrayList<>();
        for (Iterator<String> old = notRun.iterator(); old.hasNext(); ) {
            String id = old.next();
            Deque<String> candidates = newByMethod.get(method(id));
            if (candidates != null && !candidates.isEmpty()) {
                String now = candidates.poll();
                pairs.add(id + " → " + now);
                added.remove(now);
                old.remove();
            }
        }
        return pairs;
    }

    /** {@code Class#method} without parameters or an invocation index ({@code (String)[1]}, {@code [0]}). */
    static String method(String id) {
        int hash = id.indexOf('#');
        int end = id.length();
        for (char stop : new char[] {'(', '['}) {
            int at = id.indexOf(stop, hash + 1);
            if (at > hash && at < end) {
                end = at;
            }
        }
        return id.substring(0, end);
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
