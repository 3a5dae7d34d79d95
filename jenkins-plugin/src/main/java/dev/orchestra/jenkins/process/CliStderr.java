package dev.orchestra.jenkins.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The command line's stderr on its way to the build log: line by line, with every secret replaced by
 * {@code ****}, remembering the last {@code orchestra: ...} line (the CLI's one-line error).
 */
public final class CliStderr extends OutputStream {
    static final String MASK = "****";

    private final OutputStream log;
    private final Pattern secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile String lastError;

    /**
     * @param secrets what never to show (on Jenkins, the credentials plugins' own pattern for the step's secrets, which
     *                also matches their quoted forms), or null for none
     */
    public CliStderr(OutputStream log, Pattern secrets) {
        this.log = log;
        this.secrets = secrets;
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
        return secrets == null ? text : secrets.matcher(text).replaceAll(MASK);
    }
}
