package dev.orchestra.engine.run;

import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.model.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Takes secrets out of what a run keeps on disk: the logs of steps and validations, and the JUnit
 * XML copies (test output lands there too). Files are rewritten only when they held a secret.
 */
final class Redaction {
    private Redaction() {}

    static void file(Path file, SecretRedactor redactor) {
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String redacted = redactor.redact(text);
            if (!redacted.equals(text)) {
                Json.writeAtomically(file, redacted.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // A log that is not text (or cannot be read) is left as it is; it never leaves the run folder.
        }
    }

    static void folder(Path dir, SecretRedactor redactor) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> file(f, redactor));
        } catch (IOException e) {
            // Same as above: nothing leaves the run folder unredacted through the bundle (see BundleWriter).
        }
    }
}
