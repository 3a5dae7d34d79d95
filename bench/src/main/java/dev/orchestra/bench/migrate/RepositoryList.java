package dev.orchestra.bench.migrate;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the list of repositories, a tab-separated file with a header: repo, commit, build_dir, pom_patch
 * (a file next to the list, or {@code -}), test_flags, then the baseline's tests, passed, failed, errors
 * and skipped. A bad line is a one-line {@link BadInputException} naming the file and line.
 */
final class RepositoryList {
    private static final int COLUMNS = 10;

    private RepositoryList() {}

    static List<RepositoryCase> read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new BadInputException(tsv + ": cannot read the repository list (" + e.getMessage() + ")");
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("repo\t")) {
            throw new BadInputException(tsv + ": the first line must be the header (repo, commit, build_dir, ...)");
        }
        List<RepositoryCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                cases.add(parse(tsv, i + 1, lines.get(i).split("\t", -1)));
            }
        }
        return cases;
    }

    private static RepositoryCase parse(Path tsv, int line, String[] cells) {
        String where = tsv + ":" + line + ": ";
        if (cells.length != COLUMNS) {
            throw new BadInputException(where + "expected " + COLUMNS + " tab-separated columns, found " + cells.length);
        }
        check(cells[0].matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"), where + "repo '" + cells[0] + "' is not owner/name");
        check(cells[1].matches("[0-9a-f]{7,40}"), where + "commit '" + cells[1] + "' is not a commit id");
        check(cells[2].matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?") && !cells[2].matches("(.*/)?\\.\\.(/.*)?"),
                where + "build_dir '" + cells[2] + "' must be a folder inside the repository");
        String patch = cells[3].equals("-") ? null : cells[3];
        check(patch == null || Files.isRegularFile(tsv.resolveSibling(patch)),
                where + "pom_patch '" + cells[3] + "' is not a file next to the list");
        return new RepositoryCase(cells[0], cells[1], cells[2].replaceAll("/+$", ""), patch, cells[4].strip(),
                baseline(where, cells));
    }

    private static TestCounts baseline(String where, String[] cells) {
        long[] counts = new long[5];
        for (int i = 0; i < counts.length; i++) {
            check(cells[5 + i].matches("\\d+"), where + "baseline count '" + cells[5 + i] + "' is not a number");
            counts[i] = Long.parseLong(cells[5 + i]);
        }
        return new TestCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new BadInputException(problem);
        }
    }
}
