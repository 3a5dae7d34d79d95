package dev.orchestra.engine.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** What the repository tracks (in its index or its HEAD commit) at or under a path: files git can put there. */
public final class TrackedFiles {
    private final Repository repository;

    public TrackedFiles(Repository repository) {
        this.repository = repository;
    }

    /** The first tracked path that is {@code path} itself or lies under it, if any. */
    public Optional<String> at(String path) {
        TreeSet<String> found = new TreeSet<>();
        try {
            inIndex(path, found);
            inHead(path, found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what " + repository.getDirectory() + " tracks", e);
        }
        return found.stream().findFirst();
    }

    /** True when {@code path} itself is tracked as a file or a symbolic link (not as a folder). */
    public boolean isFile(String path) {
        try {
            if (repository.readDirCache().findEntry(path) >= 0) {
                return true;
            }
            ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
            if (head == null) {
                return false;
            }
            try (TreeWalk entry = TreeWalk.forPath(repository, path, head)) {
                return entry != null && (entry.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what " + repository.getDirectory() + " tracks", e);
        }
    }

    private void inIndex(String path, TreeSet<String> found) throws IOException {
        DirCache index = repository.readDirCache();
        if (index.findEntry(path) >= 0) {
            found.add(path);
        }
        for (DirCacheEntry entry : index.getEntriesWithin(path)) {
            found.add(entry.getPathString());
        }
    }

    private void inHead(String path, TreeSet<String> found) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
        if (head == null) {
            return;
        }
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseTree(head));
            tree.setRecursive(true);
            tree.setFilter(PathFilter.create(path));
            if (tree.next()) {
                found.add(tree.getPathString());
            }
        }
    }
}
