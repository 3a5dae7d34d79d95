package dev.orchestra.bench.migrate;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Everything measured on one repository: the warm-up pass's wall time (-1 when skipped), each round of the
 * plain way and Orchestra's way, and why the benchmark itself could not measure it (null when it could).
 * Counts and outcomes are the first round's; wall times are medians over the rounds.
 */
record RepositoryResult(RepositoryCase repo, long warmUpMillis, List<Round> rounds, String benchFailure) {
    /** One round: (a) and (b) on their own fresh checkouts, in the order {@code orchestraFirst} says. */
    record Round(PlainMigration.Result plain, OrchestraMigration.Result orchestra, boolean orchestraFirst) {
        double ratio() {
            return orchestra.millis() / (double) plain.millis();
        }
    }

    static RepositoryResult benchFailed(RepositoryCase repo, String why) {
        return new RepositoryResult(repo, -1, List.of(), why);
    }

    boolean measured() {
        return benchFailure == null;
    }

    PlainMigration.Result plain() {
        return rounds.get(0).plain();
    }

    OrchestraMigration.Result orchestra() {
        return rounds.get(0).orchestra();
    }

    long plainMillis() {
        return median(r -> r.plain().millis());
    }

    long orchestraMillis() {
        return median(r -> r.orchestra().millis());
    }

    /** Whether (b) did the same work as (a): it ran its final validation (else it stopped at a failed step). */
    boolean comparable() {
        return orchestra().after() != null;
    }

    /** Orchestra's median wall time over the plain way's. */
    double ratio() {
        return orchestraMillis() / (double) plainMillis();
    }

    private long median(ToLongFunction<Round> value) {
        long[] values = rounds.stream().mapToLong(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** What the plain recipe left: finished, fewer tests run, more failing, or a build that no longer compiles. */
    String plainOutcome() {
        return Outcomes.plain(plain());
    }

    /** Orchestra's status, the leftovers of an escalation, and its exit code. */
    String orchestraOutcome() {
        return Outcomes.orchestra(orchestra());
    }
}
