package dev.orchestra.engine.campaign;

/**
 * One repository's line of a rollup: how its run ended, its tests before and after, its patch, time and cost, and
 * the pull request it opened.
 *
 * @param name the repository's short name
 * @param source its clone URL or path (or the bundle's folder, for a rollup made from bundles)
 * @param state pending, running or finished (batch campaigns); finished for a rollup made from bundles
 * @param outcome how the run ended: done, failed, escalated, budget_exhausted, rejected, error; null until it ends
 * @param exitCode the run's exit code (see {@code orchestra --help}); null until it ends
 * @param failure why it failed or escalated, or null
 * @param runId the run's id
 * @param bundle the bundle's folder, relative to the rollup's folder when inside it, or null
 * @param testsBefore the baseline's counts, or null
 * @param testsAfter the final validation's counts, or null
 * @param files files the patch changes
 * @param insertions lines it adds
 * @param deletions lines it removes
 * @param durationMillis the run's working time (gate waits excluded)
 * @param cost the model cost in USD
 * @param tokens model tokens, input and output
 * @param pullRequest the pull request's URL, or null
 * @param draft true when the pull request is a draft
 * @param rework none, minor or major once measured ({@code orchestra rework}), else null
 */
public record RollupRow(String name, String source, String state, String outcome, Integer exitCode, String failure,
                        String runId, String bundle, Counts testsBefore, Counts testsAfter, int files, int insertions,
                        int deletions, long durationMillis, double cost, long tokens, String pullRequest, boolean draft,
                        String rework) {

    /** Test cases by outcome. */
    public record Counts(long total, long passed, long failed, long skipped) {}

    /** A repository that has not run yet. */
    public static RollupRow pending(RepoLine repo, String runId) {
        return new RollupRow(repo.name(), repo.source(), "pending", null, null, null, runId, null, null, null, 0, 0, 0, 0,
                0.0, 0, null, false, null);
    }

    public RollupRow withState(String newState) {
        return new RollupRow(name, source, newState, outcome, exitCode, failure, runId, bundle, testsBefore, testsAfter,
                files, insertions, deletions, durationMillis, cost, tokens, pullRequest, draft, rework);
    }

    public boolean finished() {
        return "finished".equals(state);
    }
}
