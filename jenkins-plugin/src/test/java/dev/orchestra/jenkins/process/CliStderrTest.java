package dev.orchestra.jenkins.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CliStderrTest {
    @Test
    void secretsAreMaskedEvenWhenWrittenAcrossSeveralWrites() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CliStderr err = new CliStderr(log, Pattern.compile(Pattern.quote("FAKE-SECRET")))) {
            err.write("calling with FAKE-SE".getBytes(StandardCharsets.UTF_8));
            err.write("CRET now\nlast line without newline".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("calling with **** now\nlast line without newline\n", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLastOneLineErrorIsKept() throws IOException {
        CliStderr err = new CliStderr(new ByteArrayOutputStream(), Pattern.compile("k3y|'k3y'"));
        err.write("plan: 3 steps\norchestra: --task @t.md: cannot read t.md 'k3y'\ndone\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("orchestra: --task @t.md: cannot read t.md ****", err.lastError());
    }

    @Test
    void withNoSecretsTheLinesPassUnchanged() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CliStderr err = new CliStderr(log, null)) {
            err.write("plan: 3 steps\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("plan: 3 steps\n", log.toString(StandardCharsets.UTF_8));
    }
}
