package dev.orchestra.engine.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orchestra's one way to read and write durations, the same for flags ({@code --step-timeout}), workflows
 * ({@code timeout:}) and config files ({@code request-timeout:}): one or more amounts with a unit ({@code 500ms},
 * {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1.5m}; {@code min} for minutes too), or a bare
 * number of seconds ({@code 90}).
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|min|s|m|h)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {}

    /** The positive duration {@code text} writes, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (SECONDS.matcher(trimmed).matches()) {
            return positive(millis(Double.parseDouble(trimmed), "s"));
        }
        Matcher part = PART.matcher(trimmed);
        double total = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            total += millis(Double.parseDouble(part.group(1)), part.group(2));
            end = part.end();
            while (end < trimmed.length() && trimmed.charAt(end) == ' ') {
                end++;
            }
        }
        return end == trimmed.length() && end > 0 ? positive(total) : Optional.empty();
    }

    /** The one human form of a duration, in progress lines and reports: {@code 0.4s}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 10m}. */
    public static String format(Duration duration) {
        return format(duration.toMillis());
    }

    /** {@link #format(Duration)} of {@code millis} milliseconds. */
    public static String format(long millis) {
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static double millis(double amount, String unit) {
        return switch (unit) {
            case "ms" -> amount;
            case "m", "min" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
    }

    private static Optional<Duration> positive(double millis) {
        return millis >= 1 && millis < Long.MAX_VALUE / 2 ? Optional.of(Duration.ofMillis((long) millis)) : Optional.empty();
    }
}
