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
                if (Files.isRegularFile(repo.resolve(path))) {
                    paths.add(path);
                }
            }
            return new ArrayList<>(paths);
        }
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
