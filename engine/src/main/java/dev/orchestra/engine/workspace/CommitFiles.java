package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Writes a commit's files into a copy's folder as they are stored (no filters, no line-ending conversion, no hooks):
 * regular and executable files, symbolic links, and an empty folder for each submodule. A file is only ever created,
 * never written through something already there.
 */
final class CommitFiles {
    private CommitFiles() {}

    /** Writes every entry of {@code files} under {@code dir}. */
    static void writeAll(ObjectReader reader, Map<String, TreeFiles.Entry> files, Path dir) throws IOException {
        for (Map.Entry<String, TreeFiles.Entry> file : files.entrySet()) {
            write(reader, dir.resolve(file.getKey()), file.getValue());
        }
    }

    /** Writes one entry at {@code file}. */
    static void write(ObjectReader reader, Path file, TreeFiles.Entry entry) throws IOException {
        Files.createDirectories(file.getParent());
        if (entry.mode() == FileMode.GITLINK) {
            Files.createDirectory(file);
        } else if (entry.mode() == FileMode.SYMLINK) {
            String target = new String(reader.open(entry.id()).getBytes(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(file, Path.of(target));
        } else {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                reader.open(entry.id()).copyTo(out);
            }
            if (entry.mode() == FileMode.EXECUTABLE_FILE && !file.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
        }
    }
}
