package dev.orchestra.engine.forge;

import java.util.List;

/**
 * The pull request Orchestra asks a forge for.
 *
 * @param title the title (from the task)
 * @param body the description, already cut to the forge's limit
 * @param head the branch that holds the changes (the run branch, as pushed)
 * @param base the branch the changes go into
 * @param draft true when the run escalated: a human has to finish it
 * @param labels label names to put on it
 */
public record PullRequestDraft(String title, String body, String head, String base, boolean draft, List<String> labels) {
    public PullRequestDraft {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
