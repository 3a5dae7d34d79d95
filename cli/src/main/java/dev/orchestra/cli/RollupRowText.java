package dev.orchestra.cli;

import dev.orchestra.engine.campaign.RollupRow;

/** A repository's outcome in one phrase, for progress lines. */
final class RollupRowText {
    private RollupRowText() {}

    static String outcome(RollupRow row) {
        String text = (row.outcome() == null ? row.state() : row.outcome().replace('_', ' '))
                + (row.exitCode() == null ? "" : " (exit " + row.exitCode() + ")");
        if (row.pullRequest() != null) {
            text += ", pull request " + row.pullRequest();
        }
        return row.failure() == null ? text : text + ": " + row.failure();
    }
}
