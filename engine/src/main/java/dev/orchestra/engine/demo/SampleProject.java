package dev.orchestra.engine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's Maven project: a small calculator with JUnit 4 tests (using {@code @Before},
 * {@code @Test(expected = ...)} and {@code assertEquals}), ready for a JUnit 5 migration.
 */
public final class SampleProject {
    private static final String BASE = "/dev/orchestra/engine/demo/calculator/";

    private SampleProject() {}

    /** Writes the project's files into {@code dir} (created if needed); existing files are overwritten. */
    public static void writeTo(Path dir) throws IOException {
        for (String line : index()) {
            String[] parts = line.split("\\s*->\\s*");
            String resource = parts[0].trim();
            Path target = dir.resolve(parts.length > 1 ? parts[1].trim() : resource).normalize();
            if (!target.startsWith(dir.normalize())) {
                throw new IllegalStateException("demo index entry leaves the project: " + line);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = open(resource)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<String> index() throws IOException {
        try (InputStream in = open("index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static InputStream open(String resource) {
        InputStream in = SampleProject.class.getResourceAsStream(BASE + resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("demo resource missing from the jar: " + resource));
        }
        return in;
    }
}
