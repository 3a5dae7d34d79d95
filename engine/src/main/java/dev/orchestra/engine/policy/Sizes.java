package dev.orchestra.engine.policy;

import java.util.Locale;

/** File sizes as people read them: {@code 512 bytes}, {@code 1.5 MiB}. */
final class Sizes {
    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return trimmed(bytes / 1024.0) + " KiB";
        }
        return trimmed(bytes / (1024.0 * 1024.0)) + " MiB";
    }

    private static String trimmed(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
