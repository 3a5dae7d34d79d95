package dev.orchestra.bench.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.validate.TestCase.Outcome;
import dev.orchestra.engine.validate.TestRun;

/** How many tests ran and how each ended, as one cell of the table: {@code run/passed/failed/errors/skipped}. */
record TestCounts(long run, long passed, long failed, long errors, long skipped) {
    static final TestCounts NONE = new TestCounts(0, 0, 0, 0, 0);

    /** The counts of the test cases a validation read from JUnit XML. */
    static TestCounts of(TestRun run) {
        return new TestCounts(run.cases().size(), run.count(Outcome.PASSED), run.count(Outcome.FAILED),
                run.count(Outcome.ERROR), run.count(Outcome.SKIPPED));
    }

    /** The counts of bundle.json's {@code tests.before} or {@code tests.after}; null when the run has none. */
    static TestCounts fromBundle(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new TestCounts(node.path("total").asLong(), node.path("passed").asLong(), node.path("failed").asLong(),
                node.path("errors").asLong(), node.path("skipped").asLong());
    }

    long broken() {
        return failed + errors;
    }

    TestCounts plus(TestCounts other) {
        return other == null ? this : new TestCounts(run + other.run, passed + other.passed, failed + other.failed,
                errors + other.errors, skipped + other.skipped);
    }

    /** {@code run/passed/failed/errors/skipped}. */
    String cell() {
        return run + "/" + passed + "/" + failed + "/" + errors + "/" + skipped;
    }

    static String cell(TestCounts counts) {
        return counts == null ? "–" : counts.cell();
    }
}
