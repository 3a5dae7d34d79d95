package dev.orchestra.engine.workspace;

import dev.orchestra.engine.lock.GitIndexLocks;
import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The user's repository and its working tree: the only place the engine changes files, and only on
 * its own run branch, after checking that no uncommitted change of the user's is in the way.
 */
public final class WorkingTree implements AutoCloseable {
    private final Path dir;
    private final Repository repository;
    private final Git git;

    private WorkingTree(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
        this.git = Git.wrap(repository);
    }

    /** Opens the git repository whose working tree is {@code dir}; not a repository → bad input. */
    public static WorkingTree open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(abs.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--repo " + dir + ": " + GitFile.describe(abs.resolve(".git")));
        }
        if (!Files.isDirectory(abs.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--repo " + dir + ": not the top folder of a git working tree");
        }
        try {
            Repository repo = new FileRepositoryBuilder().setWorkTree(abs.toFile()).setMustExist(true).build();
            return new WorkingTree(abs, repo);
        } catch (RepositoryNotFoundException e) {
            throw new BadInputException("--repo " + dir + ": not a git repository");
        } catch (IOException e) {
            throw new BadInputException("--repo " + dir + ": cannot open the git repository (" + e.getMessage() + ")");
        }
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return repository;
    }

    /** The commit HEAD points to; a repository without commits is bad input. */
    public String head() {
        try {
            ObjectId id = repository.resolve(Constants.HEAD + "^{commit}");
            if (id == null) {
                throw new BadInputException("--repo " + dir + ": the repository has no commit yet; commit something first");
            }
            return id.name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checked-out branch's short name, or null when HEAD is detached. */
    public String currentBranch() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            return head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tracked files with uncommitted changes (untracked files are not the engine's concern). */
    public Set<String> uncommittedChanges() {
        try {
            Status status = git.status().setIgnoreSubmodules(org.eclipse.jgit.submodule.SubmoduleWalk.IgnoreSubmoduleMode.ALL).call();
            Set<String> changed = new TreeSet<>();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            changed.addAll(status.getModified());
            changed.addAll(status.getMissing());
            changed.addAll(status.getRemoved());
            changed.addAll(status.getConflicting());
            return changed;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot read the status of " + dir, e);
        }
    }

    /** Refuses to go on when the user has uncommitted changes, naming a few of them. */
    public void requireClean(String what) {
        Set<String> changed = uncommittedChanges();
        if (!changed.isEmpty()) {
            List<String> some = new ArrayList<>(changed).subList(0, Math.min(3, changed.size()));
            throw new BadInputException(dir + " has uncommitted changes (" + String.join(", ", some)
                    + (changed.size() > 3 ? ", …" : "") + "): commit or stash them before " + what);
        }
    }

    /** Keeps {@code .orchestra/runs/} out of {@code git status} without touching a tracked file. */
    public void excludeRunFolders() throws IOException {
        Path exclude = repository.getDirectory().toPath().resolve("info").resolve("exclude");
        Files.createDirectories(exclude.getParent());
        String current = Files.exists(exclude) ? Files.readString(exclude) : "";
        if (current.lines().noneMatch(line -> line.trim().equals("/.orchestra/runs/"))) {
            String prefix = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
            Files.writeString(exclude, current + prefix + "# Orchestra's run folders\n/.orchestra/runs/\n");
        }
    }

    /**
     * Moves a branch to a commit without touching HEAD or files, only if it is at {@code expected} (null: only if
     * it does not exist yet); false, and nothing changed, when someone moved it elsewhere.
     */
    public boolean moveBranch(String branch, String expected, String commitId) {
        return moveRef(Constants.R_HEADS + branch, expected, commitId);
    }

    /** Points a ref at a commit only if it is at {@code expected} (null: only if it does not exist yet). */
    public boolean moveRef(String refName, String expected, String commitId) {
        try {
            return Refs.swap(repository, refName, expected == null ? null : ObjectId.fromString(expected),
                    ObjectId.fromString(commitId));
        } catch (IOException e) {
            throw new IllegalStateException("cannot update " + refName + ": " + e.getMessage(), e);
        }
    }

    /** The commit any ref points to, or null when it does not exist. */
    public String refCommit(String refName) {
        try {
            Ref ref = repository.exactRef(refName);
            return ref == null || ref.getObjectId() == null ? null : ref.getObjectId().name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a ref of Orchestra's own (e.g. a refused step's), when it exists. */
    public void deleteRef(String refName) {
        try {
            Refs.delete(repository, refName);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + refName + ": " + e.getMessage(), e);
        }
    }

    /** The commit a branch points to, or null. */
    public String branchCommit(String branch) {
        try {
            ObjectId id = repository.resolve(Constants.R_HEADS + branch);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code branch} the checked-out branch (HEAD only: its tree must equal the current one). */
    public void attachHead(String branch) {
        try {
            RefUpdate update = repository.updateRef(Constants.HEAD);
            update.disableRefLog();
            update.link(Constants.R_HEADS + branch);
        } catch (IOException e) {
            throw new IllegalStateException("cannot check out " + branch, e);
        }
    }

    /**
     * Makes the index and the files match {@code commitId}, which the checked-out branch must already point to
     * (move it first with {@link #moveBranch}, which never overwrites someone else's commit).
     */
    public void matchFiles(String commitId) {
        if (!commitId.equals(head())) {
            throw new IllegalStateException("HEAD is at " + head() + ", not at " + commitId + "; the files are left alone");
        }
        GitIndexLocks.changingIndex(repository, () -> {
            try {
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commitId).call();
            } catch (GitAPIException e) {
                throw new IllegalStateException("cannot update the working tree to " + commitId, e);
            }
        });
    }

    /** Checks out an existing branch, updating files (used to return to the user's branch). */
    public void checkout(String branch) {
        GitIndexLocks.changingIndex(repository, () -> {
            try {
                git.checkout().setName(branch).call();
            } catch (GitAPIException e) {
                throw new IllegalStateException("cannot check out " + branch, e);
            }
        });
    }

    @Override
    public void close() {
        repository.close();
    }
}
