package dev.orchestra.bench;

import dev.orchestra.bench.EditCase.Category;
import dev.orchestra.engine.edit.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Edits perturbed the way model answers are: for one intended change to a generated source file,
 * the exact edit and variants with the file shifted, whitespace or indentation changed, CRLF line
 * breaks, typographic characters, a context line missing, or the search text duplicated in the file;
 * then the {@link CombinedCases}.
 */
final class EditCorpus {
    static final String PATH = "src/main/java/Sample.java";
    private final Random random;
    private final CombinedCases combined;

    EditCorpus(long seed) {
        this.random = new Random(seed);
        this.combined = new CombinedCases(seed + 1);
    }

    /** Every variant of one intended edit in {@code source}, or none when no block fits. */
    List<EditCase> cases(String source) {
        List<String> lines = List.of(source.split("\n", -1));
        int length = 3 + random.nextInt(3);
        int start = Blocks.pickUnique(lines, length, random);
        if (start < 0) {
            return List.of();
        }
        List<String> block = lines.subList(start, start + length);
        List<String> replacement = Blocks.change(block, random);
        String intended = Blocks.splice(lines, start, length, replacement);
        List<EditCase> cases = new ArrayList<>();
        cases.add(of("exact", Category.EXACT, source, block, replacement, intended));
        List<String> withBlock = Blocks.appendBlock(block);
        String intendedBlock = Blocks.splice(lines, start, length, withBlock);
        cases.add(of("exact, ending in a new block", Category.EXACT, source, block, withBlock, intendedBlock));
        cases.add(of("new block, indentation changed", Category.TOLERATED, source, Blocks.reindent(block, 0),
                Blocks.reindent(withBlock, 0), intendedBlock));
        int shift = 1 + random.nextInt(20);
        List<String> shifted = Blocks.insertAfterClassLine(lines, shift);
        cases.add(of("shifted " + "(lines inserted above)", Category.TOLERATED, String.join("\n", shifted),
                block, replacement, Blocks.splice(shifted, start + shift, length, replacement)));
        cases.add(of("trailing whitespace", Category.TOLERATED, source, Blocks.trailingWhitespace(block, random),
                replacement, intended));
        int style = random.nextInt(3);
        cases.add(of("indentation changed", Category.TOLERATED, source, Blocks.reindent(block, style),
                Blocks.reindent(replacement, style), intended));
        cases.add(new EditCase("CRLF file", Category.TOLERATED, source.replace("\n", "\r\n"),
                edit(block, replacement), intended.replace("\n", "\r\n")));
        boolean quotes = block.stream().anyMatch(line -> line.contains("\""));
        cases.add(of("smart quotes / nbsp", Category.TOLERATED, source, Blocks.typographic(block, quotes),
                Blocks.typographic(replacement, quotes), intended));
        cases.add(of("first context line dropped", Category.DROPPED_CONTEXT, source, block.subList(1, length),
                replacement, intended));
        cases.add(of("last context line dropped", Category.DROPPED_CONTEXT, source, block.subList(0, length - 1),
                replacement, intended));
        int other = Blocks.otherMethod(lines, start, length);
        if (other >= 0) {
            List<String> twice = Blocks.insertAt(lines, other + 1, block);
            cases.add(of("duplicate, exact", Category.AMBIGUOUS, String.join("\n", twice), block, replacement, null));
            List<String> twiceIndented = Blocks.insertAt(lines, other + 1, Blocks.reindent(block, 3));
            cases.add(of("duplicate, other indentation", Category.AMBIGUOUS, String.join("\n", twiceIndented),
                    Blocks.trailingWhitespace(block, random), replacement, null));
        }
        cases.addAll(combined.cases(lines, start, length, replacement, withBlock, other));
        return cases;
    }

    private static EditCase of(String variant, Category category, String content, List<String> search,
                               List<String> replace, String expected) {
        return new EditCase(variant, category, content, edit(search, replace), expected);
    }

    static Edit edit(List<String> search, List<String> replace) {
        return new Edit(PATH, String.join("\n", search) + "\n", String.join("\n", replace) + "\n");
    }
}
