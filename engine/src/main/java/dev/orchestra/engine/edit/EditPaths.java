package dev.orchestra.engine.edit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** The paths an edit may name: relative, inside the repository, never under {@code .git/}. */
final class EditPaths {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EditPaths() {}

    /** The path with '/' separators and no "./" segments. */
    static String normalise(String path) {
        return path.replace('\\', '/').replaceAll("/+", "/").replaceAll("^(\\./)+", "").replace("/./", "/");
    }

    /** Why the path may not be edited, judged from its text alone; empty when it may. */
    static Optional<String> problem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("path is empty");
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || DRIVE.matcher(p).matches()) {
            return Optional.of("path is absolute; use a path relative to the repository root");
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("path contains '..'; it must stay inside the repository");
            }
            if (segment.equalsIgnoreCase(".git")) {
                return Optional.of("path points into .git/, which agents may not change");
            }
        }
        if (p.endsWith("/")) {
            return Optional.of("path names a folder, not a file");
        }
        return Optional.empty();
    }

    /** Why the path may not be edited in this folder: it goes through a symbolic link. */
    static Optional<String> problemOnDisk(Path root, String path) {
        Path current = root;
        for (String segment : path.split("/")) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                return Optional.of("path goes through a symbolic link");
            }
            if (!Files.exists(current)) {
                break;
            }
        }
        return Optional.empty();
    }
}
