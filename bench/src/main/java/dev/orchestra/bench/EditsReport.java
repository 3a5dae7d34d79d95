package dev.orchestra.bench;

import dev.orchestra.bench.EditCase.Category;
import dev.orchestra.bench.EditsBenchmark.Tally;
import java.util.Map;

/** Prints the edits benchmark as Markdown tables, with the targets and whether they were met. */
final class EditsReport {
    private final int files;
    private final long seed;
    private final int edits;
    private final long tolerantNanos;

    EditsReport(int files, long seed, int edits, long tolerantNanos) {
        this.files = files;
        this.seed = seed;
        this.edits = edits;
        this.tolerantNanos = tolerantNanos;
    }

    void print(Map<String, Tally[]> byVariant, Map<Category, Tally[]> byCategory) {
        System.out.println("# edits benchmark\n");
        System.out.println(MachineInfo.describe() + "  ");
        System.out.printf("Corpus: %d generated Java files (seed %d), %d edits. EditApplier: %.0f µs per edit,"
                + " on real files in a temp folder.%n%n", files, seed, edits, tolerantNanos / 1000.0 / edits);
        System.out.println("Right = applied and the file equals the intended result (for duplicates: refused)."
                + " Wrong = applied, but the file differs from the intended result.\n");
        System.out.println("| variant | edits | EditApplier right | refused | wrong | strict right | refused | wrong |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        byVariant.forEach((variant, t) -> System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d |%n",
                variant, t[0].total(), t[0].correct, t[0].refused, t[0].wrong, t[1].correct, t[1].refused, t[1].wrong));
        System.out.println("\n| target | EditApplier | strict exact | EditApplier meets it |");
        System.out.println("|---|---:|---:|---|");
        target("exact edits applied (target 100%)", byCategory.get(Category.EXACT), 100.0);
        target("offset/whitespace/unicode/CRLF edits applied (target >= 99%)", byCategory.get(Category.TOLERATED), 99.0);
        target("edits missing a context line applied (no target)", byCategory.get(Category.DROPPED_CONTEXT), 0.0);
        target("duplicated blocks and repeated edits refused (target 100%)", byCategory.get(Category.AMBIGUOUS), 100.0);
        int wrongTolerant = byCategory.values().stream().mapToInt(t -> t[0].wrong).sum();
        int wrongStrict = byCategory.values().stream().mapToInt(t -> t[1].wrong).sum();
        System.out.printf("| edits applied wrongly (target 0) | %d | %d | %s |%n",
                wrongTolerant, wrongStrict, wrongTolerant == 0 ? "yes" : "**no**");
        System.out.println("\nRead with care: the corpus and the perturbations are synthetic and written alongside"
                + " EditApplier, and each perturbation is applied consistently to search and replacement text."
                + " The rates say the designed cases are handled, not how often real model answers apply."
                + " Refusals of edits missing a context line are shorter search texts that match several places.");
    }

    private static void target(String name, Tally[] t, double percent) {
        double tolerant = 100.0 * t[0].correct / t[0].total();
        double strict = 100.0 * t[1].correct / t[1].total();
        System.out.printf("| %s | %.1f%% | %.1f%% | %s |%n", name, tolerant, strict, percent == 0 ? "n/a" : tolerant >= percent ? "yes" : "**no**");
    }
}
