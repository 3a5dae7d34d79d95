package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Counts changed files and lines between two commits, as {@code git diff --stat} would. */
final class ChangeCounter {
    private ChangeCounter() {}

    static ChangeStats between(Repository repo, ObjectId from, ObjectId to) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            return between(reader, repo.getConfig(), from, to);
        }
    }

    /** The same, reading through {@code reader} (the commits may be held in an {@link ObjectBatch}). */
    static ChangeStats between(ObjectReader reader, Config config, ObjectId from, ObjectId to) throws IOException {
        if (from.equals(to)) {
            return ChangeStats.NONE;
        }
        try (RevWalk walk = new RevWalk(reader);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setReader(reader, config);
            List<String> files = new ArrayList<>();
            int insertions = 0;
            int deletions = 0;
            for (DiffEntry entry : diff.scan(walk.parseCommit(from).getTree(), walk.parseCommit(to).getTree())) {
                files.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath());
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    insertions += edit.getLengthB();
                    deletions += edit.getLengthA();
                }
            }
            return new ChangeStats(files, insertions, deletions);
        }
    }
}
