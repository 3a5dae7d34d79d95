package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.Located.Match;
import java.util.List;

/**
 * Mends a common model mistake: a search text that left out its first (or last) context line while
 * the replacement still repeats it. Applied as written, that line would be doubled; instead the
 * line is added to the search text, so it is replaced rather than repeated. The line must be the
 * same text, sit at the same indentation step from its neighbour in the file as in the agent's
 * text, and for a line with unbalanced brackets (a lone "}") the replacement must need it to
 * balance; so a new block's closing brace next to an existing one is left alone. The line added is
 * the agent's own (from its replacement), so that the search text stays all the agent's lines and
 * its indentation can be mapped onto the file's without mixing the two.
 */
final class ContextRepair {
    private final Lines file;
    private final String search;
    private final List<String> searchLines;
    private final List<String> replaceLines;
    private final int bracketsAdded;

    ContextRepair(Lines file, String search, String replace) {
        this.file = file;
        this.search = search;
        this.searchLines = nonBlank(Lines.split(search));
        this.replaceLines = nonBlank(Lines.split(replace));
        this.bracketsAdded = brackets(replace) - brackets(search);
    }

    /** The search text, with the replacement's copy of the neighbouring file line added where it repeats it. */
    String repair(Match match) {
        if (searchLines.isEmpty() || replaceLines.isEmpty()) {
            return search;
        }
        String repaired = search;
        int first = lineAt(match.start());
        if (first > 0 && file.start(first) == match.start() && repeats(file.all().get(first - 1),
                file.all().get(first), replaceLines.get(0), searchLines.get(0))) {
            repaired = replaceLines.get(0) + "\n" + repaired;
        }
        int last = lineAt(match.end());
        if (last + 1 < file.size() && file.end(last) == match.end() && repeats(file.all().get(last + 1),
                file.all().get(last), replaceLines.get(replaceLines.size() - 1), searchLines.get(searchLines.size() - 1))) {
            repaired = repaired + "\n" + replaceLines.get(replaceLines.size() - 1);
        }
        return repaired;
    }

    private boolean repeats(String neighbour, String matchedEnd, String replaceEnd, String searchEnd) {
        String n = LineNormalizer.UNICODE.apply(neighbour);
        if (n.isEmpty() || !n.equals(LineNormalizer.UNICODE.apply(replaceEnd))) {
            return false;
        }
        int fileStep = Indentation.width(neighbour) - Indentation.width(matchedEnd);
        int agentStep = Indentation.width(replaceEnd) - Indentation.width(searchEnd);
        boolean keptOwnLine = n.equals(LineNormalizer.UNICODE.apply(searchEnd)) && agentStep == 0;
        int needed = brackets(neighbour);
        return !keptOwnLine && Integer.signum(fileStep) == Integer.signum(agentStep)
                && (needed == 0 || needed == bracketsAdded);
    }

    /** Opening minus closing brackets; strings and comments are not told apart, which is close enough. */
    private static int brackets(String text) {
        int balance = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '{', '(', '[' -> balance++;
                case '}', ')', ']' -> balance--;
                default -> { }
            }
        }
        return balance;
    }

    private int lineAt(int offset) {
        int line = 0;
        while (line + 1 < file.size() && file.start(line + 1) <= offset) {
            line++;
        }
        return line;
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
