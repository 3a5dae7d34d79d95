package dev.orchestra.engine.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.ObjectId;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The files of a repository, sorted: those tracked by git (its index), or, outside a git work
 * tree, every file except build output and tool folders.
 */
final class RepositoryFiles {
    private static final Set<String> SKIPPED = Set.of(".git", "target", "build", "node_modules", ".orchestra");

    private RepositoryFiles() {}

    static List<String> list(Path repo) {
        try {
            return Files.exists(repo.resolve(".git")) ? tracked(repo) : walked(repo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + repo, e);
        }
    }

    private static List<String> tracked(Path repo) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(repo.toFile()).setup().build()) {
            DirCache index = repository.readDirCache();
            Set<String> paths = new TreeSet<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                String path = index.getEntry(i).getPathString();
                if (Files.isRegularFile(repo.resolve(path)) || index.getEntry(i).isAssumeValid()) {
                    paths.add(path);
                }
            }
            return new ArrayList<>(paths);
        }
    }

    /**
     * The text of each path: from the folder, or, for a file a sparse copy does not hold, from the
     * blob its index names. Unreadable files are left out.
     */
    static Map<String, String> read(Path repo, Collection<String> paths) {
        Map<String, String> texts = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            Path file = repo.resolve(path);
            try {
                if (Files.isRegularFile(file)) {
                    texts.put(path, Files.readString(file, StandardCharsets.UTF_8));
                } else {
                    missing.add(path);
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable file is still listed by its path.
            }
        }
        if (!missing.isEmpty() && Files.exists(repo.resolve(".git"))) {
            readFromIndex(repo, missing, texts);
        }
        return texts;
    }

    private static void readFromIndex(Path repo, List<String> paths, Map<String, String> texts) {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(repo.toFile()).setup().build()) {
            DirCache index = repository.readDirCache();
            for (String path : paths) {
                DirCacheEntry entry = index.getEntry(path);
                if (entry != null) {
                    texts.put(path, blobText(repository, entry.getObjectId()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Files that cannot be read are listed by their paths only.
        }
    }

    /** Blob texts by id: a blob never changes, so every step of a run reads each one once. */
    private static final Map<ObjectId, String> BLOBS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_BLOBS = 50_000;

    private static String blobText(Repository repository, ObjectId id) throws IOException {
        String cached = BLOBS.get(id);
        if (cached != null) {
            return cached;
        }
        String text = new String(repository.open(id).getBytes(), StandardCharsets.UTF_8);
        if (BLOBS.size() > MAX_BLOBS) {
            BLOBS.clear();
        }
        BLOBS.put(id.copy(), text);
        return text;
    }

    private static List<String> walked(Path repo) throws IOException {
        Set<String> paths = new TreeSet<>();
        Files.walkFileTree(repo, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(repo) && SKIPPED.contains(dir.getFileName().toString());
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    paths.add(repo.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new ArrayList<>(paths);
    }
}
