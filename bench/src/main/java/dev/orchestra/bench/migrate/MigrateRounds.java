package dev.orchestra.bench.migrate;

import java.util.List;
import java.util.function.ToLongFunction;

/** With several rounds: the range of a wall time, and a table of every round in the order it ran. */
final class MigrateRounds {
    private MigrateRounds() {}

    /** {@code (lowest–highest)} over the rounds. */
    static String range(RepositoryResult r, ToLongFunction<RepositoryResult.Round> millis) {
        long[] values = r.rounds().stream().mapToLong(millis).sorted().toArray();
        return "(" + MigrateTables.seconds(values[0]) + "–" + MigrateTables.seconds(values[values.length - 1]) + ")";
    }

    static String table(List<RepositoryResult> results) {
        if (results.stream().allMatch(r -> r.rounds().size() <= 1)) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nWall times above are medians over the rounds, the lowest and highest in "
                + "brackets; every round, in the order it ran (odd rounds (a) first, even rounds (b) first):\n\n"
                + "| repository | round | (a) | (b) | (b)/(a) | (a) outcome | (b) outcome |\n|---|---:|---:|---:|---:|---|---|\n");
        for (RepositoryResult r : results) {
            for (int i = 0; i < r.rounds().size(); i++) {
                RepositoryResult.Round round = r.rounds().get(i);
                md.append(String.format("| %s | %d%s | %s | %s | %.2f× | %s | %s |%n", r.repo().repo(), i + 1,
                        round.orchestraFirst() ? " (b first)" : "", MigrateTables.seconds(round.plain().millis()),
                        MigrateTables.seconds(round.orchestra().millis()), round.ratio(), Outcomes.plain(round.plain()),
                        Outcomes.orchestra(round.orchestra())));
            }
        }
        return md.toString();
    }
}
