package dev.orchestra.engine.rework;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Compares what was merged with what a run delivered: the commits humans made between the run's head and the pull
 * request's tip as merged (each non-merge commit is one editing pass; its lines count, so merges of the base branch
 * into the pull request add nothing), and the run's own gate decisions.
 */
public final class ReworkMeasure {
    private final Repository repo;

    public ReworkMeasure(Repository repo) {
        this.repo = repo;
    }

    public Rework measure(RunState state, String merged) throws IOException {
        if (state.branchHead() == null || state.baseCommit() == null) {
            throw new BadInputException("run " + state.runId() + " delivered nothing to compare with");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId mergedId = repo.resolve(merged + "^{commit}");
            if (mergedId == null) {
                throw new BadInputException("--merged " + merged + ": no such commit in " + repo.getDirectory()
                        + " (fetch it first)");
            }
            RevCommit delivered = walk.parseCommit(ObjectId.fromString(state.branchHead()));
            RevCommit tip = tip(walk, walk.parseCommit(mergedId), delivered, merged);
            List<RevCommit> human = humanCommits(walk, tip, delivered);
            TreeSet<String> files = new TreeSet<>();
            int[] lines = new int[2];
            for (RevCommit commit : human) {
                count(commit, files, lines);
            }
            TreeSet<String> runFiles = new TreeSet<>();
            int runLines = 0;
            for (StepRecord step : state.steps()) {
                if (step.status == StepRecord.Status.LANDED) {
                    runFiles.addAll(step.files);
                    runLines += step.insertions + step.deletions;
                }
            }
            List<String> humanOnly = files.stream().filter(f -> !runFiles.contains(f)).toList();
            int planEdits = (int) state.decisions().stream().filter(d -> d.edit() != null).count();
            int rejections = (int) state.decisions().stream().filter(d -> !d.approved()).count();
            String level = ReworkLevel.of(human.size(), lines[0] + lines[1], humanOnly.size(), runLines, planEdits,
                    rejections);
            return new Rework(level, mergedId.name(), tip.name(), delivered.name(), human.size(), lines[0], lines[1],
                    List.copyOf(files), humanOnly, runLines, planEdits, rejections, Instant.now().toString());
        }
    }

    /** The merged commit itself, or the parent of a merge commit that holds the run's head (the pull request's tip). */
    private RevCommit tip(RevWalk walk, RevCommit merged, RevCommit delivered, String given) throws IOException {
        if (!walk.isMergedInto(delivered, merged)) {
            throw new BadInputException("--merged " + given + ": does not contain the run's head " + delivered.name()
                    .substring(0, 12) + " (a squash or rebase merge rewrites it): give the pull request's branch tip as merged");
        }
        for (int i = 1; i < merged.getParentCount(); i++) {
            RevCommit parent = walk.parseCommit(merged.getParent(i));
            if (walk.isMergedInto(delivered, parent)) {
                return parent;
            }
        }
        return merged;
    }

    private static List<RevCommit> humanCommits(RevWalk walk, RevCommit tip, RevCommit delivered) throws IOException {
        walk.reset();
        walk.markStart(tip);
        walk.markUninteresting(delivered);
        List<RevCommit> commits = new ArrayList<>();
        for (RevCommit commit : walk) {
            if (commit.getParentCount() == 1) {
                commits.add(commit);
            }
        }
        return commits;
    }

    private void count(RevCommit commit, TreeSet<String> files, int[] lines) throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            for (DiffEntry entry : diff.scan(commit.getParent(0).getTree(), commit.getTree())) {
                files.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath());
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    lines[0] += edit.getLengthB();
                    lines[1] += edit.getLengthA();
                }
            }
        }
    }

}
