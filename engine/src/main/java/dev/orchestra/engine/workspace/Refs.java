package dev.orchestra.engine.workspace;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Points refs at commits: unconditionally (a step's own ref), or only from the value the caller expects
 * (compare-and-swap: a branch someone else moved is never overwritten). Orchestra's bookkeeping refs keep no reflog.
 */
final class Refs {
    private Refs() {}

    /** Refuses anything but a valid ref name under {@code refs/}. */
    static void requireName(String ref) {
        if (!ref.startsWith("refs/") || !Repository.isValidRefName(ref)) {
            throw new BadInputException("'" + ref + "' is not a valid git ref name under refs/");
        }
    }

    static void point(Repository repo, String ref, ObjectId commit) throws IOException {
        RefUpdate update = update(repo, ref, commit);
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot point " + ref + " at " + commit.name() + ": " + result);
        }
    }

    /**
     * Moves {@code ref} to {@code commit} only if it points at {@code expected} (null: only if it does not exist);
     * false, and nothing changed, when it points elsewhere.
     */
    static boolean swap(Repository repo, String ref, ObjectId expected, ObjectId commit) throws IOException {
        RefUpdate update = update(repo, ref, commit);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        RefUpdate.Result result = update.update();
        return switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> true;
            case LOCK_FAILURE -> {
                if (!isAt(repo, ref, expected)) {
                    yield false;
                }
                throw new IOException("cannot move " + ref + " to " + commit.name() + ": it is locked by another process");
            }
            default -> throw new IOException("cannot move " + ref + " to " + commit.name() + ": " + result);
        };
    }

    /** Deletes {@code ref} when it exists. */
    static void delete(Repository repo, String ref) throws IOException {
        if (repo.exactRef(ref) == null) {
            return;
        }
        RefUpdate update = repo.updateRef(ref);
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.delete();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot delete " + ref + ": " + result);
        }
    }

    private static RefUpdate update(Repository repo, String ref, ObjectId commit) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        if (ref.startsWith("refs/orchestra/")) {
            update.disableRefLog();
        }
        return update;
    }

    private static boolean isAt(Repository repo, String ref, ObjectId expected) throws IOException {
        Ref current = repo.exactRef(ref);
        ObjectId at = current == null ? null : current.getObjectId();
        return expected == null ? at == null : expected.equals(at);
    }
}
