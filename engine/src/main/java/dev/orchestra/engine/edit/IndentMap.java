package dev.orchestra.engine.edit;

import java.util.List;

/**
 * How an agent's indentation maps onto a file's: {@code fileStep} file columns for every {@code agentStep} agent
 * columns, read from the agent's own search lines against the file lines they matched, or why no one mapping fits.
 * Every matched line must follow the same mapping; when it is one to one, the lines may only be shifted by a whole
 * number of the file's indent steps. Javadoc continuation lines ({@code " * "}) are not measured.
 */
record IndentMap(int fileStep, int agentStep, String problem) {

    static IndentMap read(List<String> fileBlock, List<String> searchBlock, int first, List<String> replace,
                          int fileUnit) {
        int agentBase = Indentation.width(searchBlock.get(first));
        int fileBase = Indentation.width(fileBlock.get(first));
        int widest = widestNesting(searchBlock, first);
        int agentStep = Indentation.width(searchBlock.get(widest)) - agentBase;
        int fileStep = Indentation.width(fileBlock.get(widest)) - fileBase;
        if (agentStep == 0) {
            int agentUnit = Indentation.unit(replace);
            boolean scaled = fileUnit > 0 && agentUnit > 0;
            return offset(reduced(scaled ? fileUnit : 1, scaled ? agentUnit : 1), agentBase, fileBase, fileUnit);
        }
        if (fileStep == 0 || Integer.signum(fileStep) != Integer.signum(agentStep)) {
            return refused("its nesting does not match the file's");
        }
        IndentMap map = reduced(Math.abs(fileStep), Math.abs(agentStep));
        for (int i = first; i < searchBlock.size(); i++) {
            int agent = Indentation.width(searchBlock.get(i)) - agentBase;
            int file = Indentation.width(fileBlock.get(i)) - fileBase;
            if (measured(searchBlock.get(i)) && file * map.agentStep != agent * map.fileStep) {
                return refused("unlike its other lines: \"" + searchBlock.get(i).strip() + "\" is at column "
                        + Indentation.width(searchBlock.get(i)) + " where the file has it at column "
                        + Indentation.width(fileBlock.get(i)));
            }
        }
        return offset(map, agentBase, fileBase, fileUnit);
    }

    /** The measured search line farthest from the first one's indentation (the first one when all are level). */
    private static int widestNesting(List<String> searchBlock, int first) {
        int widest = first;
        int base = Indentation.width(searchBlock.get(first));
        for (int i = first; i < searchBlock.size(); i++) {
            int distance = Math.abs(Indentation.width(searchBlock.get(i)) - base);
            if (measured(searchBlock.get(i)) && distance > Math.abs(Indentation.width(searchBlock.get(widest)) - base)) {
                widest = i;
            }
        }
        return widest;
    }

    /** A one-to-one mapping may shift the agent's lines only by whole indent steps of the file. */
    private static IndentMap offset(IndentMap map, int agentBase, int fileBase, int fileUnit) {
        int shift = fileBase - agentBase;
        if (map.fileStep == map.agentStep && fileUnit > 0 && shift % fileUnit != 0) {
            return refused("by " + Math.abs(shift) + " columns, which is not a whole number of the file's "
                    + fileUnit + "-column indent steps");
        }
        return map;
    }

    private static IndentMap reduced(int fileStep, int agentStep) {
        int gcd = gcd(fileStep, agentStep);
        return new IndentMap(fileStep / gcd, agentStep / gcd, null);
    }

    private static IndentMap refused(String why) {
        return new IndentMap(1, 1, why);
    }

    private static boolean measured(String line) {
        return !line.isBlank() && !line.strip().startsWith("*");
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
