package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import java.time.Duration;

/** Parses durations like {@code 90s}, {@code 30m}, {@code 2h}. */
final class Durations {
    private Durations() {}

    static Duration parse(String option, String text) {
        if (text.matches("\\d+[smh]")) {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            Duration duration = switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (!duration.isZero()) {
                return duration;
            }
        }
        throw new BadInputException(option + " '" + text + "': use a positive number with s, m or h, e.g. 30m");
    }
}
