package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a git tree, path to mode and blob id, sorted by path. A tree never changes, so each is
 * read once per process and shared by every step that starts from it (a run's parallel steps all
 * start from the same candidate, and a folder copy's context lists its files from here).
 */
public final class TreeFiles {
    /** One file of a tree. */
    public record Entry(FileMode mode, ObjectId id) {
        /** A regular or executable file (not a symbolic link or a submodule). */
        public boolean isFile() {
            return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
        }
    }

    private static final int MAX_TREES = 16;
    private static final Map<ObjectId, NavigableMap<String, Entry>> TREES = new ConcurrentHashMap<>();

    private TreeFiles() {}

    /** Every file of {@code tree} (recursively), read from {@code repo}'s objects; unmodifiable. */
    public static NavigableMap<String, Entry> of(Repository repo, AnyObjectId tree) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            return of(reader, tree);
        }
    }

    /** The same, read through {@code reader} (the tree may be held in an {@link ObjectBatch}). */
    static NavigableMap<String, Entry> of(ObjectReader reader, AnyObjectId tree) throws IOException {
        if (TREES.size() >= MAX_TREES) {
            TREES.clear();
        }
        try {
            return TREES.computeIfAbsent(tree.copy(), id -> read(reader, id));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static NavigableMap<String, Entry> read(ObjectReader reader, ObjectId tree) {
        NavigableMap<String, Entry> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(walk.getPathString(), new Entry(walk.getFileMode(0), walk.getObjectId(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableNavigableMap(files);
    }
}
