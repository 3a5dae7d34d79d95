package dev.orchestra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Line-block surgery for the edit corpus: choosing, changing and perturbing blocks of lines. */
final class Blocks {
    private Blocks() {}

    /** A start line of a block of method-body lines that appears once, even ignoring whitespace; or -1. */
    static int pickUnique(List<String> lines, int length, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int start = random.nextInt(Math.max(1, lines.size() - length));
            if (isBody(lines, start, length) && occurrences(lines, lines.subList(start, start + length)) == 1) {
                return start;
            }
        }
        return -1;
    }

    private static boolean isBody(List<String> lines, int start, int length) {
        for (int i = start; i < start + length; i++) {
            String line = lines.get(i);
            if (line.isBlank() || !line.startsWith("        ") || line.strip().startsWith("/**")) {
                return false;
            }
        }
        return true;
    }

    private static int occurrences(List<String> lines, List<String> block) {
        int count = 0;
        for (int i = 0; i + block.size() <= lines.size(); i++) {
            boolean same = true;
            for (int j = 0; j < block.size() && same; j++) {
                same = normal(lines.get(i + j)).equals(normal(block.get(j)));
            }
            count += same ? 1 : 0;
        }
        return count;
    }

    private static String normal(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** The intended change: a line in the middle renamed, and a new line after it. */
    static List<String> change(List<String> block, Random random) {
        List<String> out = new ArrayList<>(block);
        int middle = 1 + random.nextInt(block.size() - 2);
        out.set(middle, out.get(middle).replace("item", "entry").replace("count", "total"));
        String indent = block.get(middle + 1).substring(0, block.get(middle + 1).length() - block.get(middle + 1).stripLeading().length());
        out.add(middle + 1, indent + "audit(\"step " + random.nextInt(1000) + "\");");
        return out;
    }

    /** The block followed by a new if-block at the last line's indentation, ending with "}". */
    static List<String> appendBlock(List<String> block) {
        String last = block.get(block.size() - 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        List<String> out = new ArrayList<>(block);
        out.addAll(List.of(indent + "if (enabled) {", indent + "    audit(\"block\");", indent + "}"));
        return out;
    }

    static String splice(List<String> lines, int start, int length, List<String> replacement) {
        List<String> out = new ArrayList<>(lines.subList(0, start));
        out.addAll(replacement);
        out.addAll(lines.subList(start + length, lines.size()));
        return String.join("\n", out);
    }

    static List<String> insertAfterClassLine(List<String> lines, int count) {
        int classLine = 0;
        while (!lines.get(classLine).startsWith("public class")) {
            classLine++;
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            extra.add("    private static final int LIMIT_" + i + " = " + (i * 7) + ";");
        }
        return insertAt(lines, classLine + 1, extra);
    }

    static List<String> insertAt(List<String> lines, int at, List<String> extra) {
        List<String> out = new ArrayList<>(lines.subList(0, at));
        out.addAll(extra);
        out.addAll(lines.subList(at, lines.size()));
        return out;
    }

    /** The first method header outside the block, or -1. */
    static int otherMethod(List<String> lines, int start, int length) {
        for (int i = 0; i < lines.size(); i++) {
            boolean outside = i < start - 12 || i > start + length;
            if (outside && lines.get(i).startsWith("    public ") && lines.get(i).endsWith("{") && !lines.get(i).contains("(int count)")) {
                return i;
            }
        }
        return -1;
    }

    static List<String> trailingWhitespace(List<String> block, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            out.add(block.get(i) + (i == 0 || random.nextBoolean() ? (random.nextBoolean() ? "  " : "\t") : ""));
        }
        return out;
    }

    /** Style 0: no base indentation; 1: two-space steps; 2: tabs; 3: four more spaces. */
    static List<String> reindent(List<String> block, int style) {
        int base = block.stream().filter(l -> !l.isBlank()).mapToInt(Blocks::width).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : block) {
            String content = line.stripLeading();
            int width = width(line);
            out.add(switch (style) {
                case 0 -> " ".repeat(width - base) + content;
                case 1 -> " ".repeat(width / 2) + content;
                case 2 -> "\t".repeat(width / 4) + content;
                default -> " ".repeat(width + 4) + content;
            });
        }
        return out;
    }

    static int width(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** Smart quotes when {@code quotes}, else a non-breaking space and a zero-width space per line. */
    static List<String> typographic(List<String> block, boolean quotes) {
        List<String> out = new ArrayList<>();
        for (String line : block) {
            if (quotes) {
                out.add(line.replaceAll("\"([^\"]*)\"", "\u201C$1\u201D"));
            } else {
                int indent = width(line);
                out.add(line.substring(0, indent) + line.substring(indent).replaceFirst(" ", "\u00A0") + "\u200B");
            }
        }
        return out;
    }
}
