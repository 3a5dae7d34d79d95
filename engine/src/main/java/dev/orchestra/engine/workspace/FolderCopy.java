package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.CommitBuilder;
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
    private final CommitView base;
    private final List<String> paths;
    private final ObjectBatch made;
    private ObjectId head;
    private ObjectId headTree;

    private FolderCopy(Path dir, Repository source, CommitView base, List<String> paths) {
        this.dir = dir;
        this.base = base;
        this.paths = paths;
        this.made = new ObjectBatch(source);
        this.head = base.commit();
        this.headTree = base.tree();
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
        try {
            CommitView view = CommitView.of(source, commit);
            Map<String, TreeFiles.Entry> files = view.files();
            for (String path : new TreeSet<>(paths)) {
                TreeFiles.Entry entry = files.get(path);
                if (entry != null && entry.isFile()) {
                    write(source, dir.resolve(path), entry);
                }
            }
            return new FolderCopy(dir, source, view, List.copyOf(new TreeSet<>(paths)));
        } catch (IOException | RuntimeException e) {
            DirectoryDeletion.deleteTree(dir);
            throw e;
        }
    }

    private static void write(Repository source, Path file, TreeFiles.Entry entry) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            source.open(entry.id()).copyTo(out);
        }
        if (entry.mode() == FileMode.EXECUTABLE_FILE && !file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public Optional<CommitView> view() {
        return Optional.of(base);
    }

    /**
     * Commits the step's files as they are in the folder (written, changed or deleted); every other file
     * keeps its head version. Symbolic links and submodules among the paths are left as they are.
     */
    @Override
    public Optional<String> commitChanges(String message, PersonIdent author) throws IOException {
        try (ObjectReader reader = made.newReader()) {
            Map<String, TreeFiles.Entry> files = TreeFiles.of(reader, headTree);
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
            if (edits.isEmpty()) {
                return Optional.empty();
            }
            ObjectId tree = TreeEdits.apply(reader, made, headTree, edits);
            if (tree.equals(headTree)) {
                return Optional.empty();
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(head);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            head = made.insert(commit);
            headTree = tree;
            return Optional.of(head.name());
        }
    }

    /** The commits' objects, in memory: the repository gets them when the engine writes the batch. */
    @Override
    public ObjectBatch unwritten() {
        return made;
    }

    @Override
    public ChangeStats stats() throws IOException {
        try (ObjectReader reader = made.newReader()) {
            return ChangeCounter.between(reader, made.repository().getConfig(), base.commit(), head);
        }
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
