package dev.orchestra.engine.forge;

/** A forge's pull-request API: one call opens a pull request, or updates the one already open for the branch. */
public interface Forge {
    /** Opens {@code draft} as a pull request, or updates the open one from the same head into the same base. */
    PullRequest openOrUpdate(PullRequestDraft draft);
}
