package dev.orchestra.engine.publish;

import dev.orchestra.engine.forge.PullRequest;

/**
 * What publishing did: the branch pushed (where, which commit, which series) and the pull request, if one was asked.
 *
 * @param remote the remote pushed to
 * @param branch the branch on the remote
 * @param commit the commit pushed (the run branch's head the pr gate approved)
 * @param seriesSha256 the hash of the patch series pushed
 * @param draft true when the pull request is a draft (the run escalated)
 * @param pullRequest the pull request opened or updated, or null when none was asked
 * @param at when it happened (ISO-8601)
 */
public record PublishOutcome(String remote, String branch, String commit, String seriesSha256, boolean draft,
                             PullRequest pullRequest, String at) {}
