package dev.orchestra.engine.bundle;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Whole-folder operations for building a bundle aside and swapping it into place. */
final class Folders {
    private Folders() {}

    static Path sibling(Path folder, String suffix) {
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }

    /** Moves {@code built} to {@code target}, replacing what was there; the old content goes last. */
    static void replace(Path built, Path target) throws IOException {
        Path old = sibling(target, ".old");
        delete(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        try {
            Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(built, target);
        }
        delete(old);
    }

    static void delete(Path folder) throws IOException {
        dev.orchestra.engine.workspace.DirectoryDeletion.deleteTree(folder);
    }

    static void copy(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            Path to = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(to);
            } else {
                Files.copy(path, to);
            }
        }
    }
}
