package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A copy whose index holds the whole commit but whose folder holds only the files a step works on
 * (the others are marked assume-unchanged, so git tools leave them alone). Model agents need no
 * more, and a 2,000-file repository then costs a handful of file writes instead of 2,000.
 */
final class SparseCheckout {
    private SparseCheckout() {}

    /** Points the copy's branch at {@code base}, fills the index from its tree, writes only {@code paths}. */
    static void checkOut(Repository copy, String branch, ObjectId base, Collection<String> paths) throws IOException {
        Set<String> wanted = new TreeSet<>(paths);
        Refs.point(copy, "refs/heads/" + branch, base);
        Path root = copy.getWorkTree().toPath();
        DirCache index = copy.lockDirCache();
        try (RevWalk walk = new RevWalk(copy); TreeWalk tree = new TreeWalk(copy)) {
            RevCommit commit = walk.parseCommit(base);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            DirCacheBuilder builder = index.builder();
            while (tree.next()) {
                DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                entry.setFileMode(tree.getFileMode(0));
                entry.setObjectId(tree.getObjectId(0));
                if (wanted.contains(tree.getPathString()) && tree.getFileMode(0) == FileMode.REGULAR_FILE) {
                    Path file = root.resolve(tree.getPathString());
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = Files.newOutputStream(file)) {
                        copy.open(tree.getObjectId(0)).copyTo(out);
                    }
                    entry.setLength(Files.size(file));
                    entry.setLastModified(Files.getLastModifiedTime(file).toInstant());
                } else {
                    entry.setAssumeValid(true);
                }
                builder.add(entry);
            }
            builder.commit();
        } finally {
            index.unlock();
        }
    }

    /** Stages the wanted paths only (written, changed or deleted) and commits when the tree changed. */
    static Optional<String> commit(Git git, Collection<String> paths, String message, PersonIdent author)
            throws IOException, GitAPIException {
        Repository repo = git.getRepository();
        Path root = repo.getWorkTree().toPath();
        DirCache index = repo.readDirCache();
        for (String path : paths) {
            if (Files.isRegularFile(root.resolve(path))) {
                git.add().addFilepattern(path).call();
            } else if (index.getEntry(path) != null) {
                git.rm().setCached(true).addFilepattern(path).call();
            }
        }
        ObjectId tree;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            tree = repo.readDirCache().writeTree(inserter);
            inserter.flush();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            if (walk.parseCommit(repo.resolve("HEAD^{commit}")).getTree().equals(tree)) {
                return Optional.empty();
            }
        }
        return Optional.of(git.commit().setMessage(message).setAuthor(author).setCommitter(author)
                .setSign(false).setNoVerify(true).call().name());
    }
}
