package dev.orchestra.engine.campaign;

/**
 * One repository of a campaign, as a line of the repositories file names it.
 *
 * @param name a short name, unique in the campaign (the clone's folder, the run id's suffix)
 * @param source the clone URL or path
 * @param branch the branch to start from
 * @param validate the repository's test command, or null for the campaign's
 */
public record RepoLine(String name, String source, String branch, String validate) {}
