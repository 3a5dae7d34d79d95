package dev.orchestra.jenkins.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliStderrTest {
    @Test
    void secretsAreMaskedEvenWhenWrittenAcrossSeveralWrites() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CliStderr err = new CliStderr(log, List.of("FAKE-SECRET", ""))) {
            err.write("calling with FAKE-SE".getBytes(StandardCharsets.UTF_8));
            err.write("CRET now\nlast line without newline".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("calling with **** now\nlast line without newline\n", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLastOneLineErrorIsKept() throws IOException {
        CliStderr err = new CliStderr(new ByteArrayOutputStream(), List.of("k3y"));
        err.write("plan: 3 steps\norchestra: --task @t.md: cannot read t.md k3y\ndone\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("orchestra: --task @t.md: cannot read t.md ****", err.lastError());
    }

    @Test
    void theCacheFolderIsKeyedByTheJarsSha256() throws IOException {
        String sha = JarCache.sha256(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha);
        assertEquals("cache/orchestra/" + sha + "/orchestra.jar", JarCache.relativePath(sha));
    }
}
