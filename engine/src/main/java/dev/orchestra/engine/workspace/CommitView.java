package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.util.NavigableMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A commit of the run's repository, read-only: its files and their blobs. A step whose copy holds only
 * its own files reads the rest of the repository (for its context) through this.
 *
 * @param repository the run's repository (shared; only read here)
 * @param commit the commit
 * @param tree the commit's tree
 */
public record CommitView(Repository repository, ObjectId commit, ObjectId tree) {

    public static CommitView of(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return new CommitView(repository, commit.copy(), walk.parseCommit(commit).getTree().getId().copy());
        }
    }

    /** Every file of the commit, path to mode and blob id, sorted by path. */
    public NavigableMap<String, TreeFiles.Entry> files() throws IOException {
        return TreeFiles.of(repository, tree);
    }
}
