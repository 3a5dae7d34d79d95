package dev.orchestra.jenkins.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCacheTest {
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path folder;

    @Test
    void theJarIsNamedByItsSha256() throws IOException {
        assertEquals(SHA, JarCache.sha256(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        assertEquals("orchestra-" + SHA + ".jar", JarCache.fileName(SHA));
    }

    @Test
    void stepsThatCopyTheJarAtOnceAllSucceedWithOneCopyLeft() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> published = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path partial = Files.writeString(folder.resolve(JarCache.partialName(SHA, "step" + i)), "jar bytes");
                published.add(pool.submit((Callable<Path>) () -> JarCache.publish(partial, SHA, Instant.now())));
            }
            for (Future<Path> jar : published) {
                assertEquals(folder.resolve(JarCache.fileName(SHA)), jar.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(JarCache.fileName(SHA)), names());
        assertEquals("jar bytes", Files.readString(folder.resolve(JarCache.fileName(SHA))));
    }

    @Test
    void anOlderPluginsJarAndAKilledStepsPartialCopyAreRemoved() throws IOException {
        Files.writeString(folder.resolve(JarCache.fileName("0ld")), "old jar");
        Path stale = Files.writeString(folder.resolve(JarCache.partialName("0ld", "killed")), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(JarCache.STALE_PARTIAL.multipliedBy(2))));
        Path running = Files.writeString(folder.resolve(JarCache.partialName(SHA, "running")), "being copied");
        Path unrelated = Files.writeString(folder.resolve("notes.txt"), "not ours");

        JarCache.publish(Files.writeString(folder.resolve(JarCache.partialName(SHA, "mine")), "new jar"), SHA, Instant.now());

        assertTrue(Files.exists(running), "another step's copy in progress stays");
        assertTrue(Files.exists(unrelated));
        assertFalse(Files.exists(stale));
        assertEquals(List.of("notes.txt", JarCache.fileName(SHA), running.getFileName().toString()), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
