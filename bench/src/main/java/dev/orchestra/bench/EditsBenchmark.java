package dev.orchestra.bench;

import dev.orchestra.bench.EditCase.Category;
import dev.orchestra.engine.edit.EditApplier;
import dev.orchestra.engine.edit.EditOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often perturbed edits apply, and apply correctly, with {@link EditApplier} and with strict
 * exact search/replace: {@code java -jar orchestra-bench.jar edits [FILES] [SEED]}.
 */
public final class EditsBenchmark {
    private EditsBenchmark() {}

    /** One applier's tally for one variant: right, refused (wrongly), applied wrongly. */
    static final class Tally {
        int correct;
        int refused;
        int wrong;

        int total() {
            return correct + refused + wrong;
        }
    }

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        List<EditCase> cases = corpus(files, seed);
        Map<String, Tally[]> byVariant = new LinkedHashMap<>();
        Map<Category, Tally[]> byCategory = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("orchestra-bench-edits");
        long nanos = 0;
        for (EditCase c : cases) {
            long started = System.nanoTime();
            String tolerant = applyTolerant(dir, c);
            nanos += System.nanoTime() - started;
            String strict = StrictApplier.apply(c.content(), c.edits());
            record(byVariant.computeIfAbsent(c.variant(), k -> pair()), c, tolerant, strict);
            record(byCategory.computeIfAbsent(c.category(), k -> pair()), c, tolerant, strict);
        }
        TempFolder.delete(dir);
        new EditsReport(files, seed, cases.size(), nanos).print(byVariant, byCategory);
    }

    private static List<EditCase> corpus(int files, long seed) {
        SyntheticJava generator = new SyntheticJava(seed);
        EditCorpus corpus = new EditCorpus(seed + 1);
        List<EditCase> cases = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String[] name = generator.nameFor(i);
            cases.addAll(corpus.cases(generator.source(name[0], name[1], null)));
        }
        return cases;
    }

    /** The file after EditApplier ran on a real copy, or null when it refused. */
    private static String applyTolerant(Path dir, EditCase c) throws IOException {
        Path file = dir.resolve(EditCorpus.PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, c.content(), StandardCharsets.UTF_8);
        EditOutcome outcome = new EditApplier().apply(dir, c.edits());
        return outcome.applied() ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static Tally[] pair() {
        return new Tally[] {new Tally(), new Tally()};
    }

    private static void record(Tally[] tallies, EditCase c, String tolerant, String strict) {
        count(tallies[0], c, tolerant);
        count(tallies[1], c, strict);
    }

    /** Right means applied as intended, or refused when refusing was the only right answer. */
    private static void count(Tally tally, EditCase c, String result) {
        if (c.expected() == null) {
            if (result == null) {
                tally.correct++;
            } else {
                tally.wrong++;
            }
        } else if (result == null) {
            tally.refused++;
        } else if (result.equals(c.expected())) {
            tally.correct++;
        } else {
            tally.wrong++;
        }
    }
}
