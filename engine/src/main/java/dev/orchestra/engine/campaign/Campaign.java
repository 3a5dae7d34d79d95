package dev.orchestra.engine.campaign;

import java.util.List;

/**
 * {@code campaign.json}: a campaign's repositories and how each stands, with the totals. A batch rewrites it after
 * every change (atomically), which is how a campaign resumes after a kill; {@code orchestra rollup} writes the same
 * shape from bundles.
 *
 * @param format the file's format version
 * @param name the campaign's name (its folder's)
 * @param workflow the workflow every repository ran, or null when unknown (a rollup of bundles)
 * @param createdAt when the campaign started
 * @param updatedAt when the file was written
 * @param repos one row per repository, in the repositories file's order
 * @param totals sums over the rows
 */
public record Campaign(int format, String name, String workflow, String createdAt, String updatedAt,
                       List<RollupRow> repos, Totals totals) {

    /** Sums over the rows: repositories by outcome, tests, patch, time, cost, pull requests. */
    public record Totals(int repos, int finished, int done, int failed, int escalated, int other, long testsPassedBefore,
                         long testsFailedBefore, long testsPassedAfter, long testsFailedAfter, int files, int insertions,
                         int deletions, long durationMillis, double cost, long tokens, int pullRequests) {

        public static Totals of(List<RollupRow> rows) {
            int finished = 0, done = 0, failed = 0, escalated = 0, other = 0, files = 0, ins = 0, del = 0, prs = 0;
            long passedBefore = 0, failedBefore = 0, passedAfter = 0, failedAfter = 0, millis = 0, tokens = 0;
            double cost = 0;
            for (RollupRow row : rows) {
                if (!row.finished()) {
                    continue;
                }
                finished++;
                switch (row.outcome() == null ? "" : row.outcome()) {
                    case "done" -> done++;
                    case "failed", "error" -> failed++;
                    case "escalated" -> escalated++;
                    default -> other++;
                }
                if (row.testsBefore() != null) {
                    passedBefore += row.testsBefore().passed();
                    failedBefore += row.testsBefore().failed();
                }
                if (row.testsAfter() != null) {
                    passedAfter += row.testsAfter().passed();
                    failedAfter += row.testsAfter().failed();
                }
                files += row.files();
                ins += row.insertions();
                del += row.deletions();
                millis += row.durationMillis();
                cost += row.cost();
                tokens += row.tokens();
                prs += row.pullRequest() == null ? 0 : 1;
            }
            return new Totals(rows.size(), finished, done, failed, escalated, other, passedBefore, failedBefore,
                    passedAfter, failedAfter, files, ins, del, millis, cost, tokens, prs);
        }
    }

    /** This campaign with {@code rows}, the totals recomputed and {@code updatedAt} set. */
    public Campaign with(List<RollupRow> rows, String now) {
        return new Campaign(format, name, workflow, createdAt, now, List.copyOf(rows), Totals.of(rows));
    }
}
