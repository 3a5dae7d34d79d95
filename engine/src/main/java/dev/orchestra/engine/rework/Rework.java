package dev.orchestra.engine.rework;

import java.util.List;

/**
 * How much humans changed a run's result before it was merged, and the level that makes of it.
 *
 * @param level none, minor or major (see {@link ReworkLevel})
 * @param merged the commit given as merged
 * @param mergedTip the pull request's tip as merged (the merge commit's parent that holds the run's head)
 * @param delivered the run branch's head the run delivered
 * @param humanCommits commits humans made on top of the run's head (merge commits excluded): editing passes
 * @param linesAdded lines those commits added
 * @param linesRemoved lines those commits removed
 * @param filesTouched files those commits changed
 * @param humanOnlyFiles files those commits changed that the run never touched
 * @param runLines lines the run's own patch added and removed
 * @param planEdits plan gate approvals that came with an edited plan
 * @param rejections gate decisions that rejected
 * @param measuredAt when it was measured (ISO-8601)
 */
public record Rework(String level, String merged, String mergedTip, String delivered, int humanCommits, int linesAdded,
                     int linesRemoved, List<String> filesTouched, List<String> humanOnlyFiles, int runLines,
                     int planEdits, int rejections, String measuredAt) {}
