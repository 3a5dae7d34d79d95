package dev.orchestra.engine.context;

import dev.orchestra.engine.workspace.CommitView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The files of a repository, sorted, and their texts: those tracked by git (its index, or the tree of
 * the commit a folder copy was made from), or, outside a git work tree, every file except build output
 * and tool folders. A file that is tracked but not on disk (a folder copy holds only its step's files)
 * is read from its blob. Open for one map; close it after.
 */
final class RepositoryFiles implements AutoCloseable {
    private static final Set<String> SKIPPED = Set.of(".git", "target", "build", "node_modules", ".orchestra");

    private final Path root;
    private final Repository repository;
    private final List<String> paths;
    /** Blob ids of tracked files, to read those that are not on disk. */
    private final Map<String, ObjectId> blobs;
    /** Whether the repository was opened here (and is closed here). */
    private final boolean owned;
    /** The files a folder copy holds (read from disk); null when every file may be on disk. */
    private final Set<String> onDisk;

    private RepositoryFiles(Path root, Repository repository, List<String> paths, Map<String, ObjectId> blobs,
                            boolean owned, Set<String> onDisk) {
        this.root = root;
        this.repository = repository;
        this.paths = paths;
        this.blobs = blobs;
        this.owned = owned;
        this.onDisk = onDisk;
    }

    static RepositoryFiles open(Path root) {
        try {
            if (!Files.exists(root.resolve(".git"))) {
                return new RepositoryFiles(root, null, walked(root), Map.of(), false, null);
            }
            Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setup().build();
            try {
                return tracked(root, repository);
            } catch (IOException | RuntimeException e) {
                repository.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + root, e);
        }
    }

    private static RepositoryFiles tracked(Path root, Repository repository) throws IOException {
        Map<String, ObjectId> blobs = new HashMap<>();
        Set<String> paths = new TreeSet<>();
        DirCache index = repository.readDirCache();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry entry = index.getEntry(i);
            String path = entry.getPathString();
            blobs.put(path, entry.getObjectId());
            if (entry.isAssumeValid() || Files.isRegularFile(root.resolve(path))) {
                paths.add(path);
            }
        }
        return new RepositoryFiles(root, repository, new ArrayList<>(paths), blobs, true, null);
    }

    /** The files of {@code commit}, whose folder {@code root} holds only some (read those from there). */
    static RepositoryFiles of(Path root, CommitView commit) {
        try {
            Map<String, ObjectId> blobs = new HashMap<>();
            List<String> paths = new ArrayList<>();
            commit.files().forEach((path, entry) -> { // sorted by path
                if (entry.isFile()) {
                    paths.add(path);
                    blobs.put(path, entry.id());
                }
            });
            return new RepositoryFiles(root, commit.repository(), paths, blobs, false, Set.copyOf(walked(root)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + commit.commit().name(), e);
        }
    }

    /** The files, sorted by path. */
    List<String> paths() {
        return paths;
    }

    /** The text of {@code path}: from the folder, else from its blob; empty when it cannot be read. */
    Optional<String> text(String path) {
        Path file = root.resolve(path);
        try {
            if (onDisk == null ? Files.isRegularFile(file) : onDisk.contains(path)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            ObjectId blob = blobs.get(path);
            return blob == null || repository == null ? Optional.empty() : Optional.of(blobText(blob));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable file is still listed by its path
        }
    }

    /**
     * The whole words of {@code path}'s text (maximal runs of Java identifier characters); those of a
     * committed file are kept per blob, for every map that reads it. Empty when it cannot be read.
     */
    Optional<Set<String>> words(String path) {
        if (onDisk == null || onDisk.contains(path)) { // a work tree, or a file the folder holds: its text decides
            return text(path).map(RepositoryFiles::wordsOf);
        }
        ObjectId blob = blobs.get(path);
        if (blob == null || repository == null) {
            return Optional.empty();
        }
        try {
            if (WORDS.size() > MAX_BLOBS) {
                WORDS.clear();
            }
            return Optional.of(WORDS.computeIfAbsent(blob.copy(), id -> wordsOf(blobText(id))));
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable file is still listed by its path
        }
    }

    /** The whole words of {@code text}: maximal runs of Java identifier characters. */
    static Set<String> wordsOf(String text) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && Character.isJavaIdentifierPart(text.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Whether {@code name} is made of Java identifier characters only (so it can be one of the words). */
    static boolean isWord(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (owned) {
            repository.close();
        }
    }

    /** Blob texts by id: a blob never changes, so the steps of a run read each one once, even at once. */
    private static final Map<ObjectId, String> BLOBS = new ConcurrentHashMap<>();
    private static final int MAX_BLOBS = 50_000;
    /** The words of blob texts by id ({@link #wordsOf(String)}). */
    private static final Map<ObjectId, Set<String>> WORDS = new ConcurrentHashMap<>();

    /** One reader for every blob this map reads (a reader per blob costs more than the read). */
    private ObjectReader reader;

    private String blobText(ObjectId id) {
        if (reader == null) {
            reader = repository.newObjectReader();
        }
        if (BLOBS.size() > MAX_BLOBS) {
            BLOBS.clear();
        }
        return BLOBS.computeIfAbsent(id.copy(), blob -> {
            try {
                return new String(reader.open(blob).getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
