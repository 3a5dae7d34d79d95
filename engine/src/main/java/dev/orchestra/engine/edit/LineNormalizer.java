package dev.orchestra.engine.edit;

import java.text.Normalizer;
import java.util.function.UnaryOperator;

/** How lines are compared at the tolerant match levels. */
enum LineNormalizer implements UnaryOperator<String> {
    /** Ignores indentation, trailing whitespace, and tabs against spaces inside a line. */
    WHITESPACE {
        @Override
        public String apply(String line) {
            return collapseWhitespace(line.strip());
        }
    },
    /** As {@link #WHITESPACE}, after NFKC and typographic characters mapped to ASCII. */
    UNICODE {
        @Override
        public String apply(String line) {
            return WHITESPACE.apply(ascii(line));
        }
    };

    /** Every run of whitespace as one space (without a regular expression: this runs on every line of a file). */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** NFKC, then smart quotes, dashes and primes to ASCII, and zero-width characters removed. */
    static String ascii(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Replaces in {@code replace} the typographic characters the agent put in its search text where
     * the file has plain ones, so a quote the model "smartened" is not written into code; and
     * non-breaking and zero-width spaces everywhere, since they are never meant in code.
     */
    static String repairTypography(String replace, String search, String fileBlock) {
        String result = replace.replaceAll("[\u00A0\u2007\u202F]", " ").replaceAll("[\u200B\u200C\u200D\u2060\uFEFF]", "");
        for (int i = 0; i < search.length(); i++) {
            String c = String.valueOf(search.charAt(i));
            String plain = ascii(c);
            if (!plain.equals(c) && !fileBlock.contains(c)) {
                result = result.replace(c, plain);
            }
        }
        return result;
    }
}
