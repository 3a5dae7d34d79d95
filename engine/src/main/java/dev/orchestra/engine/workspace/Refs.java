package dev.orchestra.engine.workspace;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** Points a ref at a commit, unconditionally; Orchestra's own bookkeeping refs keep no reflog. */
final class Refs {
    private Refs() {}

    static void point(Repository repo, String ref, ObjectId commit) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        if (ref.startsWith("refs/orchestra/")) {
            update.disableRefLog();
        }
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot point " + ref + " at " + commit.name() + ": " + result);
        }
    }
}
