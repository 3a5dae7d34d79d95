package dev.orchestra.engine.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes an agent's replacement lines with the file's real indentation, when its search text
 * matched only after whitespace was normalised. One rule maps the agent's columns onto the file's,
 * read from the agent's own search lines against the file lines they matched: file width = offset +
 * scale × agent width, the same for every line, with the offset a whole number of the file's indent
 * steps. Lines the agent kept from its search text take the file's own line; new lines are placed by
 * the rule, relative to the line above them. Indentation the rule cannot explain is refused.
 */
final class Reindenter {
    /** The re-indented lines, or why the agent's indentation could not be mapped onto the file's. */
    record Result(List<String> lines, String problem) {
        static Result refused(String why) {
            return new Result(List.of(), "search text is indented differently from the file, " + why);
        }
    }

    private final List<String> fileBlock;
    private final List<String> searchBlock;
    private final UnaryOperator<String> normalizer;
    private final boolean tabs;
    private final int first;
    private final IndentMap map;

    Reindenter(List<String> fileBlock, List<String> searchBlock, List<String> replace,
               int fileUnit, UnaryOperator<String> normalizer) {
        this.fileBlock = fileBlock;
        this.searchBlock = searchBlock;
        this.normalizer = normalizer;
        this.tabs = fileBlock.stream().anyMatch(line -> Indentation.of(line).contains("\t"));
        this.first = firstNonBlank(searchBlock);
        this.map = IndentMap.read(fileBlock, searchBlock, first, replace, fileUnit);
    }

    Result reindent(List<String> replace) {
        if (map.problem() != null) {
            return Result.refused(map.problem());
        }
        int anchorWidth = Indentation.width(searchBlock.get(first));
        String anchorIndent = Indentation.of(fileBlock.get(first));
        int next = 0;
        List<String> out = new ArrayList<>();
        for (String line : replace) {
            if (line.isBlank()) {
                out.add("");
                continue;
            }
            int kept = keptFrom(line, next);
            String indent = kept >= 0 ? keptIndent(line, kept) : shifted(anchorIndent, Indentation.width(line) - anchorWidth);
            if (indent == null) {
                return Result.refused("so the line \"" + line.strip() + "\" cannot be placed: its indentation falls"
                        + " between the file's indent steps");
            }
            out.add(indent + (kept >= 0 ? withoutIndent(fileBlock.get(kept)) : line.strip()));
            next = kept >= 0 ? kept + 1 : next;
            anchorWidth = Indentation.width(line);
            anchorIndent = indent;
        }
        return new Result(out, null);
    }

    /**
     * A kept line's indentation: the file line's own, moved only when the agent moved the line against its search
     * text (as when it wraps the line in a new block).
     */
    private String keptIndent(String line, int kept) {
        String own = Indentation.of(fileBlock.get(kept));
        int moved = Indentation.width(line) - Indentation.width(searchBlock.get(kept));
        return moved == 0 ? own : shifted(own, moved);
    }

    /** {@code indent} moved by {@code agentColumns} scaled to the file, or null when that is not a whole column. */
    private String shifted(String indent, int agentColumns) {
        int scaled = agentColumns * map.fileStep();
        if (scaled % map.agentStep() != 0 || Indentation.width(indent) + scaled / map.agentStep() < 0) {
            return null;
        }
        return Indentation.shift(indent, scaled / map.agentStep(), tabs);
    }

    private static String withoutIndent(String line) {
        return line.substring(Indentation.of(line).length());
    }

    private int keptFrom(String line, int from) {
        String normal = normalizer.apply(line);
        for (int i = from; i < searchBlock.size(); i++) {
            if (normalizer.apply(searchBlock.get(i)).equals(normal)) {
                return i;
            }
        }
        return -1;
    }

    static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return 0;
    }
}
