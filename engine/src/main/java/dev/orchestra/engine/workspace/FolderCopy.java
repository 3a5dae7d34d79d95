package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * A step's copy that is a plain folder holding only the files the step names (no repository, no
 * index): the rest of the commit stays readable through {@link #view()}. Committing writes the
 * folder's versions of those files over the head commit's tree, rewriting only the trees along
 * their paths, into an {@link ObjectBatch} that the engine writes to the repository with the merge.
 * A model agent needs no more, and a 2,000-file repository then costs a couple of file writes per step.
 */
public final class FolderCopy implements StepCopy {
    private final Path dir;
    private final List<String> paths;
    private final CopyHead head;

    private FolderCopy(Path dir, Repository source, CommitView base, List<String> paths) {
        this.dir = dir;
        this.paths = paths;
        this.head = new CopyHead(source, base);
    }

    /**
     * Creates {@code parentDir/name} (keep it outside the user's working tree) holding the regular and
     * executable files among {@code paths} as they are in {@code commitId}; paths it does not have are
     * files the step may create.
     */
    public static FolderCopy create(Repository source, String commitId, Path parentDir, String name, List<String> paths)
            throws IOException {
        ObjectId commit = IsolatedCopy.resolveCommit(source, commitId);
        Path dir = IsolatedCopy.freshFolder(parentDir, name);
        try (ObjectReader reader = source.newObjectReader()) {
            CommitView view = CommitView.of(source, commit);
            Map<String, TreeFiles.Entry> files = view.files();
            for (String path : new TreeSet<>(paths)) {
                TreeFiles.Entry entry = files.get(path);
                if (entry != null && entry.isFile()) {
                    CommitFiles.write(reader, dir.resolve(path), entry);
                }
            }
            return new FolderCopy(dir, source, view, List.copyOf(new TreeSet<>(paths)));
        } catch (IOException | RuntimeException e) {
            DirectoryDeletion.deleteTree(dir);
            throw e;
        }
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public Optional<CommitView> view() {
        return Optional.of(head.base());
    }

    /**
     * Commits the step's files as they are in the folder (written, changed or deleted); every other file
     * keeps its head version. Symbolic links and submodules among the paths are left as they are.
     */
    @Override
    public Optional<String> commitChanges(String message, PersonIdent author) throws IOException {
        ObjectBatch made = head.objects();
        try (ObjectReader reader = made.newReader()) {
            Map<String, TreeFiles.Entry> files = head.files(reader);
            Map<String, Optional<TreeFiles.Entry>> edits = new TreeMap<>();
            for (String path : paths) {
                TreeFiles.Entry before = files.get(path);
                Path file = dir.resolve(path);
                if (before != null && !before.isFile()) {
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    if (before != null) {
                        edits.put(path, Optional.empty());
                    }
                    continue;
                }
                ObjectId blob = made.insert(Constants.OBJ_BLOB, Files.readAllBytes(file));
                FileMode mode = before != null ? before.mode()
                        : Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                if (before == null || !before.id().equals(blob)) {
                    edits.put(path, Optional.of(new TreeFiles.Entry(mode, blob)));
                }
            }
            return head.commit(reader, edits, message, author);
        }
    }

    /** The commits' objects, in memory: the repository gets them when the engine writes the batch. */
    @Override
    public ObjectBatch unwritten() {
        return head.objects();
    }

    @Override
    public ChangeStats stats() throws IOException {
        return head.stats();
    }

    @Override
    public void close() {
        try {
            DirectoryDeletion.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the copy " + dir, e);
        }
    }
}
