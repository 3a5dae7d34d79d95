package dev.orchestra.cli;

import dev.orchestra.engine.model.SecretRedactor;
import java.io.IOException;
import java.io.Writer;

/**
 * Stdout and stderr of the command line: what is written is held until the next flush (every line, with the
 * writers {@link Main} makes) and goes out with every secret the redactor knows replaced, whatever printed it.
 */
final class RedactingWriter extends Writer {
    private final Writer out;
    private final SecretRedactor redactor;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer out, SecretRedactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        pending.append(chars, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!pending.isEmpty()) {
            out.write(redactor.redact(pending.toString()));
            pending.setLength(0);
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }
}
