package dev.orchestra.engine.output;

import java.util.regex.Pattern;

/**
 * Strips what a terminal, an editor or a browser would act on instead of showing: ANSI escape sequences, other C0
 * and C1 control characters, and the bidirectional overrides that make text read differently than it is. Line
 * breaks and tabs stay; a carriage return ends up as a line break, never as a way back to the start of a line.
 */
public final class ControlCharacters {
    /** CSI and OSC sequences, then any other two-character escape. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\\x1B\\[[0-?]*[ -/]*[@-~]|\\x1B\\][^\\x07\\x1B]*(?:\\x07|\\x1B\\\\)?|\\x1B[@-_]?|\\x9B[0-?]*[ -/]*[@-~]");
    private static final Pattern OTHERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F"
            + "\\u202A-\\u202E\\u2066-\\u2069]");

    private ControlCharacters() {}

    /** {@code text} without control characters; null stays null. */
    public static String strip(String text) {
        if (text == null || !needsStripping(text)) {
            return text;
        }
        String withoutEscapes = ESCAPES.matcher(text).replaceAll("");
        return OTHERS.matcher(withoutEscapes.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    private static boolean needsStripping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }
}
