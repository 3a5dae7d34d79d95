package dev.orchestra.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shapes a secret value takes in text besides itself: split over lines, base64-encoded (standard and URL-safe,
 * at any of the three byte alignments inside a longer base64 string) and URL-encoded.
 */
final class SecretForms {
    /** A line break inside a value: optional closing quote, {@code +} or {@code \}, indentation, opening quote. */
    private static final String LINE_BREAK = "(?:[\"']?[ \\t]*[\\\\+]?[ \\t]*\\r?\\n[ \\t]*\\+?[ \\t]*[\"']?)?";
    private static final String STANDARD = "[A-Za-z0-9+/]";
    private static final String URL_SAFE = "[A-Za-z0-9_-]";

    private SecretForms() {}

    /** The value itself, also when line breaks (with indentation or a continuation) cut it. */
    static Pattern plainOrSplit(String value) {
        StringBuilder regex = new StringBuilder();
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (i > 0) {
                regex.append(LINE_BREAK);
            }
            regex.append(Pattern.quote(Character.toString(codePoints[i])));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * The value base64-encoded inside any base64 text. At each alignment only the characters that depend on the
     * value's bytes alone are required; the one partial character on either side is taken along when present.
     */
    static Pattern base64(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> alternatives = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            String fragment = alignedFragment(bytes, offset);
            boolean partialBefore = offset != 0;
            boolean partialAfter = (offset + bytes.length) % 3 != 0;
            alternatives.add(around(Pattern.quote(fragment), STANDARD, partialBefore, partialAfter));
            String urlSafe = fragment.replace('+', '-').replace('/', '_');
            alternatives.add(around(Pattern.quote(urlSafe), URL_SAFE, partialBefore, partialAfter));
        }
        return Pattern.compile(String.join("|", alternatives));
    }

    /** The literal texts one of which every match of {@link #base64} contains: a cheap test before the regex. */
    static List<String> base64Fragments(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> fragments = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            String fragment = alignedFragment(bytes, offset);
            fragments.add(fragment);
            fragments.add(fragment.replace('+', '-').replace('/', '_'));
        }
        return List.copyOf(fragments);
    }

    /** The value with some characters percent-encoded (either hex case, {@code +} for a space), if it has any. */
    static Optional<Pattern> urlEncoded(String value) {
        StringBuilder regex = new StringBuilder();
        boolean encodable = false;
        for (int codePoint : value.codePoints().toArray()) {
            String character = Character.toString(codePoint);
            if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
                regex.append(character);
                continue;
            }
            encodable = true;
            regex.append("(?:").append(Pattern.quote(character)).append('|').append(percentEncoded(character));
            if (codePoint == ' ') {
                regex.append("|\\+");
            }
            regex.append(')');
        }
        return encodable ? Optional.of(Pattern.compile(regex.toString())) : Optional.empty();
    }

    /** The base64 characters fully determined by {@code bytes} when {@code offset} other bytes precede them. */
    static String alignedFragment(byte[] bytes, int offset) {
        byte[] padded = new byte[offset + bytes.length + 2];
        System.arraycopy(bytes, 0, padded, offset, bytes.length);
        String encoded = Base64.getEncoder().encodeToString(padded);
        int firstBit = 8 * offset;
        int endBit = 8 * (offset + bytes.length);
        return encoded.substring((firstBit + 5) / 6, endBit / 6);
    }

    private static String around(String quoted, String alphabet, boolean before, boolean after) {
        return (before ? alphabet + "?" : "") + quoted + (after ? alphabet + "?" : "");
    }

    private static String percentEncoded(String character) {
        List<String> bytes = new ArrayList<>();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            bytes.add("%" + hexDigit((b >> 4) & 0xF) + hexDigit(b & 0xF));
        }
        return String.join("", bytes);
    }

    private static String hexDigit(int digit) {
        char upper = Character.toUpperCase(Character.forDigit(digit, 16));
        return digit < 10 ? String.valueOf(upper) : "[" + upper + Character.toLowerCase(upper) + "]";
    }
}
