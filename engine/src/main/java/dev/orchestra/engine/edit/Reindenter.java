package dev.orchestra.engine.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes an agent's replacement lines with the file's real indentation, when its search text
 * matched only after whitespace was normalised. Lines the agent kept from its search text take the
 * file's own line; new lines are placed relative to the nearest kept line above them, with the
 * agent's indentation step scaled to the file's.
 */
final class Reindenter {
    private final List<String> fileBlock;
    private final List<String> searchBlock;
    private final UnaryOperator<String> normalizer;
    private final double scale;
    private final boolean tabs;

    Reindenter(List<String> fileBlock, List<String> searchBlock, List<String> replace,
               int fileUnit, UnaryOperator<String> normalizer) {
        this.fileBlock = fileBlock;
        this.searchBlock = searchBlock;
        this.normalizer = normalizer;
        this.scale = scale(replace, fileUnit);
        this.tabs = fileBlock.stream().anyMatch(line -> Indentation.of(line).contains("\t"));
    }

    List<String> reindent(List<String> replace) {
        int first = firstNonBlank(searchBlock);
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
            String indent = shifted(anchorIndent, Indentation.width(line) - anchorWidth);
            if (kept >= 0) {
                int own = Indentation.width(line) - Indentation.width(searchBlock.get(kept));
                indent = own == 0 ? Indentation.of(fileBlock.get(kept)) : shifted(Indentation.of(fileBlock.get(kept)), own);
                String fileLine = fileBlock.get(kept);
                out.add(indent + fileLine.substring(Indentation.of(fileLine).length()));
                next = kept + 1;
            } else {
                out.add(indent + line.strip());
            }
            anchorWidth = Indentation.width(line);
            anchorIndent = indent;
        }
        return out;
    }

    /**
     * File columns per agent column: read from the matched lines where the search text is nested,
     * else from the indentation steps of the file and of the replacement, else 1.
     */
    private double scale(List<String> replace, int fileUnit) {
        int first = firstNonBlank(searchBlock);
        int searchBase = Indentation.width(searchBlock.get(first));
        int fileBase = Indentation.width(fileBlock.get(first));
        int widest = 0;
        double scale = 0;
        for (int i = first; i < searchBlock.size(); i++) {
            int agent = Indentation.width(searchBlock.get(i)) - searchBase;
            if (!searchBlock.get(i).isBlank() && Math.abs(agent) > widest) {
                widest = Math.abs(agent);
                scale = (double) (Indentation.width(fileBlock.get(i)) - fileBase) / agent;
            }
        }
        if (scale > 0) {
            return scale;
        }
        int agentUnit = Indentation.unit(replace);
        return fileUnit > 0 && agentUnit > 0 ? (double) fileUnit / agentUnit : 1.0;
    }

    private String shifted(String indent, int agentColumns) {
        return Indentation.shift(indent, (int) Math.round(agentColumns * scale), tabs);
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

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return 0;
    }
}
