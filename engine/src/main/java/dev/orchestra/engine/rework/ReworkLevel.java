package dev.orchestra.engine.rework;

/**
 * The documented thresholds (docs/pull-requests.md): <b>none</b> when humans made no commit on top, edited no plan and
 * rejected nothing; <b>major</b> when a gate rejected, or humans changed more than {@code 20 + 25%} of the run's own
 * lines, or changed more than 2 files the run never touched; <b>minor</b> otherwise.
 */
public final class ReworkLevel {
    static final int BASE_LINES = 20;
    static final double SHARE_OF_RUN = 0.25;
    static final int HUMAN_ONLY_FILES = 2;

    private ReworkLevel() {}

    public static String of(int humanCommits, int humanLines, int humanOnlyFiles, int runLines, int planEdits,
                            int rejections) {
        if (humanCommits == 0 && planEdits == 0 && rejections == 0) {
            return "none";
        }
        boolean large = humanLines > BASE_LINES + SHARE_OF_RUN * runLines || humanOnlyFiles > HUMAN_ONLY_FILES;
        return rejections > 0 || large ? "major" : "minor";
    }
}
