package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Orchestra's one recursive delete: removes a directory tree, making read-only files and directories writable first;
 * never follows links.
 */
public final class DirectoryDeletion {
    private DirectoryDeletion() {}

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                makeWritable(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (AccessDeniedException e) {
            makeWritable(path);
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // already gone: a process in the copy removed it while we walked
        }
    }

    private static void makeWritable(Path path) {
        java.io.File file = path.toFile();
        if (!Files.isSymbolicLink(path)) {
            file.setWritable(true, true);
            if (file.isDirectory()) {
                file.setExecutable(true, true);
                file.setReadable(true, true);
            }
        }
    }
}
