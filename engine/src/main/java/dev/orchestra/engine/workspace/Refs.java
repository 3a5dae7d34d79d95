package dev.orchestra.engine.workspace;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** Points a ref at a commit, unconditionally; Orchestra's own bookkeeping refs keep no reflog. */
final class Refs {
    private Refs() {}

    /** Refuses anything but a valid ref name under {@code refs/}. */
    static void requireName(String ref) {
        if (!ref.startsWith("refs/") || !Repository.isValidRefName(ref)) {
            throw new BadInputException("'" + ref + "' is not a valid git ref name under refs/");
        }
    }

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
