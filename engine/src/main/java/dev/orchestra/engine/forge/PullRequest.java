package dev.orchestra.engine.forge;

import java.util.List;

/**
 * A pull request as the forge answered.
 *
 * @param number its number on the forge (GitLab's iid)
 * @param url where a human opens it
 * @param created true when Orchestra opened it, false when it updated the one already open for the branch
 * @param notes what Orchestra could not do as asked (a label the forge has not, draft on a forge without it)
 */
public record PullRequest(long number, String url, boolean created, List<String> notes) {
    public PullRequest {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
