package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.PendingFiles.Pending;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a step's changed files: an existing file through a temporary file renamed into place
 * (keeping its permissions), a new one directly. If one write fails, the files already written are
 * put back as they were and the folders it created are removed.
 */
final class EditWriter {
    private final Path root;
    private final List<Pending> written = new ArrayList<>();
    private final List<Path> createdFolders = new ArrayList<>();

    EditWriter(Path root) {
        this.root = root;
    }

    void writeAll(List<Pending> files) throws IOException {
        try {
            for (Pending file : files) {
                write(file);
                written.add(file);
            }
        } catch (IOException | RuntimeException e) {
            restore(e);
            throw e;
        }
    }

    private void write(Pending file) throws IOException {
        Path target = root.resolve(file.path());
        createFolders(target.getParent());
        byte[] content = file.text().raw().getBytes(StandardCharsets.UTF_8);
        if (file.original() == null) {
            writeNew(target, content);
        } else {
            replace(target, content);
        }
    }

    private void createFolders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            createdFolders.add(0, p);
        }
    }

    private static void writeNew(Path target, byte[] content) throws IOException {
        Files.write(target, content, StandardOpenOption.CREATE_NEW);
        if (Files.size(target) != content.length) {
            Files.delete(target);
            throw new IOException("short write to " + target);
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".orchestra-tmp");
        try {
            Files.write(temp, content);
            copyPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }

    private void restore(Exception cause) {
        for (Pending file : written) {
            try {
                Path target = root.resolve(file.path());
                if (file.original() == null) {
                    Files.deleteIfExists(target);
                } else {
                    replace(target, file.original());
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        for (Path folder : createdFolders) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
