package dev.orchestra.bench.migrate;

import java.util.List;

/** The two tables: test counts before and after each way, and outcomes with wall times and their ratio. */
final class MigrateTables {
    private MigrateTables() {}

    static String tests(List<RepositoryResult> results) {
        StringBuilder md = new StringBuilder("## Tests (run/passed/failed/errors/skipped)\n\n"
                + "| repository | list's baseline | (a) before | (a) after | (b) before | (b) after |\n|---|---:|---:|---:|---:|---:|\n");
        TestCounts[] total = {TestCounts.NONE, TestCounts.NONE, TestCounts.NONE, TestCounts.NONE, TestCounts.NONE};
        for (RepositoryResult r : results) {
            if (!r.measured()) {
                md.append("| ").append(r.repo().repo()).append(" | ").append(r.repo().baseline().cell())
                        .append(" | not measured | | | |\n");
                continue;
            }
            TestCounts[] row = {r.repo().baseline(), r.plain().before().counts(), r.plain().after().counts(),
                r.orchestra().before(), r.orchestra().after()};
            md.append("| ").append(r.repo().repo());
            for (int i = 0; i < row.length; i++) {
                md.append(" | ").append(TestCounts.cell(row[i]));
                total[i] = total[i].plus(row[i]);
            }
            md.append(" |\n");
        }
        md.append("| **total (measured)**");
        for (TestCounts t : total) {
            md.append(" | ").append(t.cell());
        }
        return md.append(" |\n").toString();
    }

    static String outcomes(List<RepositoryResult> results) {
        StringBuilder md = new StringBuilder("## Outcome and wall time\n\n| repository | (a) plain recipe | (b) Orchestra | "
                + "warm-up | (a) test + rewrite + test | (b) | (b)/(a) |\n|---|---|---|---:|---:|---:|---:|\n");
        for (RepositoryResult r : results) {
            if (!r.measured()) {
                md.append("| ").append(r.repo().repo()).append(" | not measured: ").append(r.benchFailure()).append(" | | | | | |\n");
                continue;
            }
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %.2f×%s |%n", r.repo().repo(), r.plainOutcome(),
                    r.orchestraOutcome(), r.warmUpMillis() < 0 ? "–" : seconds(r.warmUpMillis()), plainTime(r),
                    orchestraTime(r), r.ratio(), r.comparable() ? "" : " †"));
        }
        List<RepositoryResult> measured = results.stream().filter(RepositoryResult::measured).toList();
        List<RepositoryResult> comparable = measured.stream().filter(RepositoryResult::comparable).toList();
        md.append(total("**total**", measured, plainSummary(results) + " | " + orchestraSummary(results)));
        md.append(total("total where (b) validated (" + comparable.size() + ")", comparable, " | "));
        return md.append("\nTarget: (b)/(a) ≤ 1.10× (Orchestra's way costs at most 10% more wall time than the plain way). "
                + "† (b) stopped at a failed step before its final validation, so it did less work than (a) (which always "
                + "runs its second `mvn test`): its ratio is not Orchestra's overhead.\n").append(MigrateRounds.table(results))
                .toString();
    }

    private static String total(String label, List<RepositoryResult> rows, String outcomes) {
        long plain = rows.stream().mapToLong(RepositoryResult::plainMillis).sum();
        long orchestra = rows.stream().mapToLong(RepositoryResult::orchestraMillis).sum();
        return String.format("| %s | %s | | %s | %s | %s |%n", label, outcomes, seconds(plain), seconds(orchestra),
                plain == 0 ? "–" : String.format("%.2f×", orchestra / (double) plain));
    }

    /** One round: the total and its three commands; several: the median and the range. */
    private static String plainTime(RepositoryResult r) {
        if (r.rounds().size() > 1) {
            return seconds(r.plainMillis()) + " " + MigrateRounds.range(r, round -> round.plain().millis());
        }
        PlainMigration.Result a = r.plain();
        return seconds(a.millis()) + " (" + seconds(a.before().millis()) + " + " + seconds(a.rewriteMillis()) + " + "
                + seconds(a.after().millis()) + ")";
    }

    private static String orchestraTime(RepositoryResult r) {
        return seconds(r.orchestraMillis())
                + (r.rounds().size() > 1 ? " " + MigrateRounds.range(r, round -> round.orchestra().millis()) : "");
    }

    private static String plainSummary(List<RepositoryResult> results) {
        List<RepositoryResult> measured = results.stream().filter(RepositoryResult::measured).toList();
        return measured.stream().filter(r -> r.plainOutcome().equals("finished")).count() + " of " + measured.size()
                + " finished";
    }

    private static String orchestraSummary(List<RepositoryResult> results) {
        List<RepositoryResult> measured = results.stream().filter(RepositoryResult::measured).toList();
        return count(measured, "done") + " done, " + count(measured, "escalated") + " escalated, "
                + count(measured, "failed") + " failed"
                + (measured.size() > count(measured, "done") + count(measured, "escalated") + count(measured, "failed")
                        ? ", others as listed" : "");
    }

    private static long count(List<RepositoryResult> results, String status) {
        return results.stream().filter(r -> r.orchestra().status().equals(status)).count();
    }

    static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
