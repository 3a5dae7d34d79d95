package dev.orchestra.engine.workspace;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * One agent's full copy of a commit: a plain folder holding every file of the commit and nothing else (no
 * {@code .git}, no path to the user's repository), for tools that build the project. Orchestra commits what changed
 * by reading the folder itself ({@link FolderScan}), so nothing an agent writes there (hooks, git configuration,
 * filter drivers, attributes) is ever run or obeyed. The commits stay in memory ({@link #unwritten()}) until the
 * engine writes them with the merge; the run branch is never touched.
 */
public final class IsolatedCopy implements StepCopy {
    private final Path dir;
    private final CopyHead head;

    private IsolatedCopy(Path dir, CopyHead head) {
        this.dir = dir;
        this.head = head;
    }

    /**
     * Creates {@code parentDir/name} (keep it outside the user's working tree) holding every file of {@code commitId}
     * (an id or anything {@code source} resolves to a commit).
     */
    public static IsolatedCopy create(Repository source, String commitId, Path parentDir, String name)
            throws IOException {
        ObjectId commit = resolveCommit(source, commitId);
        Path dir = freshFolder(parentDir, name);
        try (ObjectReader reader = source.newObjectReader()) {
            CommitView view = CommitView.of(source, commit);
            CommitFiles.writeAll(reader, view.files(), dir);
            return new IsolatedCopy(dir, new CopyHead(source, view));
        } catch (IOException | RuntimeException e) {
            DirectoryDeletion.deleteTree(dir);
            throw e;
        }
    }

    /**
     * An empty folder {@code parentDir/name}; one left behind by a process that was killed is emptied. A symbolic
     * link where the folder should be is removed, never followed.
     */
    static Path freshFolder(Path parentDir, String name) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new BadInputException("copy name '" + name + "' must use only letters, digits, '.', '-', '_'");
        }
        Path dir = Files.createDirectories(parentDir).toAbsolutePath().resolve(name);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            DirectoryDeletion.deleteTree(dir);
        }
        return Files.createDirectory(dir);
    }

    /** The commit {@code commitId} names in {@code repo}; a clear error when there is none. */
    static ObjectId resolveCommit(Repository repo, String commitId) throws IOException {
        ObjectId commit;
        try {
            commit = repo.resolve(commitId + "^{commit}");
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            commit = null;
        }
        if (commit == null) {
            throw new BadInputException("commit '" + commitId + "' is not in repository " + repo.getDirectory());
        }
        return commit;
    }

    /** The folder the agent may write. */
    @Override
    public Path dir() {
        return dir;
    }

    /** Empty: a full copy has every file on disk. */
    @Override
    public Optional<CommitView> view() {
        return Optional.empty();
    }

    /** The commit the copy started from. */
    public String baseCommit() {
        return head.base().commit().name();
    }

    /** The copy's current commit: the base, or the last commit made by {@link #commitChanges}. */
    public String headCommit() {
        return head.commit().name();
    }

    /**
     * Commits every added, changed and deleted file that {@code .gitignore} does not exclude on top of the copy's
     * head; empty when nothing changed.
     */
    @Override
    public Optional<String> commitChanges(String message, PersonIdent author) throws IOException {
        try (ObjectReader reader = head.objects().newReader()) {
            return head.commit(reader, FolderScan.changes(dir, head.files(reader), head.objects()), message, author);
        }
    }

    /** The commits' objects, in memory: the repository gets them when the engine writes the batch. */
    @Override
    public ObjectBatch unwritten() {
        return head.objects();
    }

    /** Files, insertions and deletions between the base and the copy's head commit. */
    @Override
    public ChangeStats stats() throws IOException {
        return head.stats();
    }

    /** Deletes the copy's folder, read-only files included. */
    @Override
    public void close() {
        try {
            DirectoryDeletion.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete isolated copy " + dir, e);
        }
    }
}
