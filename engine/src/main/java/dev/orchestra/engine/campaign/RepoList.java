package dev.orchestra.engine.campaign;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads a campaign's repositories file: one repository a line, {@code SOURCE BRANCH [TEST COMMAND...]}, where SOURCE
 * is a clone URL or a path; blank lines and lines starting with {@code #} are skipped. A bad line is bad input naming
 * the file and the line.
 */
public final class RepoList {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_REPOS = 10_000;

    private RepoList() {}

    public static List<RepoLine> read(Path file) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--repos " + file + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException("--repos " + file + ": larger than " + MAX_BYTES + " bytes");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("--repos " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        List<RepoLine> repos = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            repos.add(parse(file, i + 1, line, names));
        }
        if (repos.isEmpty()) {
            throw new BadInputException("--repos " + file + ": names no repository (one a line: SOURCE BRANCH [TEST COMMAND])");
        }
        if (repos.size() > MAX_REPOS) {
            throw new BadInputException("--repos " + file + ": more than " + MAX_REPOS + " repositories");
        }
        return repos;
    }

    private static RepoLine parse(Path file, int number, String line, Set<String> names) {
        String[] parts = line.split("\\s+", 3);
        String where = file + ":" + number + ": ";
        if (parts.length < 2) {
            throw new BadInputException(where + "give SOURCE BRANCH [TEST COMMAND], e.g. https://git.example.com/acme/app.git main mvn -B test");
        }
        if (parts[0].startsWith("-") || parts[0].chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException(where + "'" + parts[0] + "' is not a clone URL or a path");
        }
        if (!Repository.isValidRefName("refs/heads/" + parts[1])) {
            throw new BadInputException(where + "'" + parts[1] + "' is not a branch name");
        }
        String name = uniqueName(nameOf(parts[0]), names);
        return new RepoLine(name, parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    }

    /** The source's last path segment without {@code .git}, made safe as a folder and run-id part. */
    static String nameOf(String source) {
        String last = source.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\:]", "").replaceAll("\\.git$", "");
        String safe = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        safe = safe.length() > 40 ? safe.substring(0, 40) : safe;
        return safe.isEmpty() ? "repo" : safe;
    }

    private static String uniqueName(String base, Set<String> names) {
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
