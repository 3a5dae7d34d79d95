package dev.orchestra.jenkins.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The command line's stderr on its way to the build log: line by line, with every secret replaced by
 * {@code ****}, remembering the last {@code orchestra: ...} line (the CLI's one-line error).
 */
public final class CliStderr extends OutputStream {
    static final String MASK = "****";

    private final OutputStream log;
    private final List<String> secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile String lastError;

    /** @param secrets values never to show; blank ones are ignored */
    public CliStderr(OutputStream log, List<String> secrets) {
        this.log = log;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emitLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            line.write('\n');
            emitLine();
        }
        log.flush();
    }

    /** The last line that started with {@code orchestra: }, masked, or null. */
    public String lastError() {
        return lastError;
    }

    private void emitLine() throws IOException {
        String text = mask(line.toString(StandardCharsets.UTF_8));
        line.reset();
        if (text.startsWith("orchestra: ")) {
            lastError = text.strip();
        }
        log.write(text.getBytes(StandardCharsets.UTF_8));
    }

    String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
