package dev.orchestra.cli.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The counts of the resilience suite. Each test class records what it tried and how many cases held, and writes
 * its section to {@code cli/target/reliability/} when it ends; whichever class ends last in a test JVM that ran all
 * of them assembles the page in {@code cli/target/reliability/reliability.md}, so it only ever says what ran. Only
 * when asked ({@code -Dreliability.write=true}) is the page also written to {@code docs/reliability.md}: a plain
 * {@code ./mvnw verify} leaves the tracked file alone.
 */
final class Reliability {
    /** The system property that asks for {@code docs/reliability.md} to be written. */
    static final String WRITE_DOCS = "reliability.write";
    static final String REGENERATE = "./mvnw -B -o -pl test-support,engine,cli test "
            + "-Dtest='dev.orchestra.cli.resilience.*Test' -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_DOCS + "=true";

    /** The categories in the order the page lists them; the page is written only when all ran in this JVM. */
    static final List<String> CATEGORIES = List.of("faults", "kills", "attacks", "bad-input", "run-state", "timeouts",
            "secrets");
    private static final String SESSION = ProcessHandle.current().pid() + "-"
            + ManagementFactory.getRuntimeMXBean().getStartTime();

    /** Cases of one kind: how many were tried and how many held (survived, or were refused as they should). */
    static final class Tally {
        final String what;
        final AtomicInteger tried = new AtomicInteger();
        final AtomicInteger held = new AtomicInteger();

        Tally(String what) {
            this.what = what;
        }

        void tried() {
            tried.incrementAndGet();
        }

        void held() {
            held.incrementAndGet();
        }
    }

    /** The tallies of one category, in the order they were asked for. */
    static final class Section {
        private final String category;
        private final String title;
        private final String heldWord;
        private final String intro;
        private final Map<String, Tally> tallies = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        Section(String category, String title, String heldWord, String intro) {
            this.category = category;
            this.title = title;
            this.heldWord = heldWord;
            this.intro = intro;
        }

        /** A line printed under the table. */
        synchronized void note(String line) {
            notes.add(line);
        }

        synchronized Tally tally(String what) {
            return tallies.computeIfAbsent(what, Tally::new);
        }

        /** Writes this section for the current test JVM, then the page if every category has been written. */
        synchronized void write() {
            int tried = 0;
            int held = 0;
            StringBuilder md = new StringBuilder("<!-- session " + SESSION + " -->\n## " + title + "\n\n" + intro
                    + "\n\n| case | tried | " + heldWord + " | failures |\n|---|---:|---:|---:|\n");
            for (Tally t : tallies.values().stream().sorted(java.util.Comparator.comparing(t -> t.what)).toList()) {
                md.append("| ").append(t.what).append(" | ").append(t.tried).append(" | ").append(t.held).append(" | ")
                        .append(t.tried.get() - t.held.get()).append(" |\n");
                tried += t.tried.get();
                held += t.held.get();
            }
            md.append("| **total** | **").append(tried).append("** | **").append(held).append("** | **")
                    .append(tried - held).append("** |\n");
            notes.forEach(note -> md.append("\n").append(note).append("\n"));
            try {
                Path folder = Files.createDirectories(moduleDir().resolve("target/reliability"));
                atomicWrite(folder.resolve(category + ".md"), md.toString());
                assemble(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Reliability() {}

    private static void assemble(Path folder) throws IOException {
        List<String> sections = new ArrayList<>();
        for (String category : CATEGORIES) {
            Path file = folder.resolve(category + ".md");
            if (!Files.isRegularFile(file)) {
                return;
            }
            String text = Files.readString(file);
            if (!text.startsWith("<!-- session " + SESSION + " -->\n")) {
                return; // written by an earlier test JVM: this one has not run that category
            }
            sections.add(text.substring(text.indexOf('\n') + 1));
        }
        String page = "# Reliability\n\n"
                + "Generated by the resilience suite (`cli/src/test/java/dev/orchestra/cli/resilience/`) on "
                + LocalDate.now(ZoneOffset.UTC) + ", from the cases that ran; do not edit by hand. Regenerate it with\n"
                + "`" + REGENERATE + "`\n(without `-D" + WRITE_DOCS + "=true` the page goes to `cli/target/reliability/` only).\n\n"
                + "Every case runs the real `orchestra` command line on a real git repository; faults come from a\n"
                + "scripted model server on loopback speaking the OpenAI wire format, kills from real processes.\n"
                + "A case that did not hold is a failed test, and is counted under *failures*.\n\n"
                + String.join("\n", sections);
        atomicWrite(folder.resolve("reliability.md"), page);
        Path docs = moduleDir().getParent().resolve("docs");
        if (Boolean.getBoolean(WRITE_DOCS) && Files.isDirectory(docs)) {
            atomicWrite(docs.resolve("reliability.md"), page);
        }
    }

    private static Path moduleDir() {
        return Path.of("").toAbsolutePath();
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder the JVM's own cleanup also covers
        }
    }
}
