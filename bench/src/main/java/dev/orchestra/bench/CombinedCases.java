package dev.orchestra.bench;

import dev.orchestra.bench.EditCase.Category;
import dev.orchestra.engine.edit.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Variants that combine perturbations the way model answers do: an indentation drift (one indent step too deep, or
 * no base indentation; in files indented with four or with two spaces) together with a missing first or last
 * context line; blank lines at the ends of a block; a file without a final newline, whose ending must be kept; and
 * the same block twice (in the file, or the same edit twice in one answer), where refusing is the only right answer.
 */
final class CombinedCases {
    private final Random random;

    CombinedCases(long seed) {
        this.random = new Random(seed);
    }

    /** The combined variants of the change of {@code block} (at {@code start}) into {@code replacement}. */
    List<EditCase> cases(List<String> lines, int start, int length, List<String> replacement, List<String> withBlock,
                         int other) {
        List<EditCase> cases = new ArrayList<>();
        cases.addAll(driftWithALineMissing(lines, start, length, replacement));
        cases.addAll(blankLinesAtTheEnds(lines, start, length, replacement));
        cases.addAll(noFinalNewline(lines));
        cases.addAll(twice(lines, start, length, replacement, withBlock, other));
        return cases;
    }

    private List<EditCase> driftWithALineMissing(List<String> source, int start, int length, List<String> replacement) {
        boolean twoSpaces = random.nextBoolean();
        List<String> lines = twoSpaces ? Blocks.reindent(source, 1) : source;
        List<String> replace = twoSpaces ? Blocks.reindent(replacement, 1) : replacement;
        List<String> block = lines.subList(start, start + length);
        String intended = Blocks.splice(lines, start, length, replace);
        int delta = drift(block, twoSpaces ? 2 : 4);
        List<String> search = shift(block, delta);
        String content = String.join("\n", lines);
        String name = twoSpaces ? " (two-space file)" : "";
        return List.of(
                of("drift, first context line dropped" + name, Category.DROPPED_CONTEXT, content,
                        search.subList(1, length), shift(replace, delta), intended),
                of("drift, last context line dropped" + name, Category.DROPPED_CONTEXT, content,
                        search.subList(0, length - 1), shift(replace, delta), intended));
    }

    /** Blank lines the file does not have around the search text; and a block ending at a blank line of the file. */
    private List<EditCase> blankLinesAtTheEnds(List<String> lines, int start, int length, List<String> replacement) {
        List<EditCase> cases = new ArrayList<>();
        String content = String.join("\n", lines);
        String intended = Blocks.splice(lines, start, length, replacement);
        List<String> block = lines.subList(start, start + length);
        int delta = drift(block, 4);
        cases.add(new EditCase("blank lines around the search text, drift", Category.TOLERATED, content,
                new Edit(EditCorpus.PATH, "\n\n" + join(shift(block, delta)) + "\n\n\n",
                        "\n\n" + join(shift(replacement, delta)) + "\n\n\n"), intended));
        int blank = start + length;
        while (blank < lines.size() && !lines.get(blank).isBlank()) {
            blank++;
        }
        if (blank < lines.size() - 1) {
            List<String> toBlank = new ArrayList<>(lines.subList(start, blank + 1));
            List<String> replaceToBlank = new ArrayList<>(replacement);
            replaceToBlank.addAll(lines.subList(start + length, blank + 1));
            int deltaToBlank = delta > 0 ? delta : -base(toBlank);
            cases.add(of("block ending at a blank line of the file, drift", Category.TOLERATED, content,
                    shift(toBlank, deltaToBlank), shift(replaceToBlank, deltaToBlank),
                    Blocks.splice(lines, start, blank + 1 - start, replaceToBlank)));
        }
        return cases;
    }

    /** The file's last lines changed in a file that does not end with a line break. */
    private List<EditCase> noFinalNewline(List<String> source) {
        List<String> lines = source.get(source.size() - 1).isEmpty() ? source.subList(0, source.size() - 1) : source;
        int length = 4;
        int start = lines.size() - length;
        List<String> block = lines.subList(start, lines.size());
        List<String> replacement = Blocks.change(block, random);
        String content = String.join("\n", lines);
        String intended = Blocks.splice(lines, start, length, replacement);
        List<String> deeper = shift(block, 4);
        return List.of(
                of("no final newline, exact", Category.EXACT, content, block, replacement, intended),
                of("no final newline, drift", Category.TOLERATED, content, deeper, shift(replacement, 4), intended),
                of("no final newline, last context line dropped", Category.DROPPED_CONTEXT, content,
                        block.subList(0, length - 1), replacement, intended));
    }

    /** The block twice in the file (the search drifted, or missing its first line), or the same edit twice. */
    private List<EditCase> twice(List<String> lines, int start, int length, List<String> replacement,
                                 List<String> withBlock, int other) {
        List<String> block = lines.subList(start, start + length);
        List<EditCase> cases = new ArrayList<>();
        Edit insert = EditCorpus.edit(block, withBlock);
        cases.add(new EditCase("the same edit twice in one answer", Category.AMBIGUOUS, String.join("\n", lines),
                List.of(insert, insert), null));
        if (other >= 0) {
            List<String> twice = Blocks.insertAt(lines, other + 1, block);
            int delta = drift(block, 4);
            cases.add(of("duplicate, drift", Category.AMBIGUOUS, String.join("\n", twice), shift(block, delta),
                    shift(replacement, delta), null));
            List<String> tail = Blocks.insertAt(lines, other + 1, block.subList(1, length));
            cases.add(of("duplicate without the first line, first context line dropped", Category.AMBIGUOUS,
                    String.join("\n", tail), block.subList(1, length), replacement, null));
        }
        return cases;
    }

    /** How far a model's answer drifts: one indent step too deep, or to no base indentation. */
    private int drift(List<String> block, int unit) {
        return random.nextBoolean() ? unit : -base(block);
    }

    private static int base(List<String> block) {
        return block.stream().filter(line -> !line.isBlank()).mapToInt(Blocks::width).min().orElse(0);
    }

    /** Every non-blank line moved by {@code columns} (never left of the margin). */
    static List<String> shift(List<String> block, int columns) {
        List<String> out = new ArrayList<>();
        for (String line : block) {
            out.add(line.isBlank() ? line : " ".repeat(Math.max(0, Blocks.width(line) + columns)) + line.stripLeading());
        }
        return out;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    private static EditCase of(String variant, Category category, String content, List<String> search,
                               List<String> replace, String expected) {
        return new EditCase(variant, category, content, EditCorpus.edit(search, replace), expected);
    }
}
