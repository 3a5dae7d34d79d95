package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import java.time.Duration;

/** Reads a duration flag with the engine's one duration grammar ({@code 90s}, {@code 30m}, {@code 1h30m}, {@code 90}). */
final class Durations {
    private Durations() {}

    static Duration parse(String option, String text) {
        return dev.orchestra.engine.time.Durations.parse(text).orElseThrow(() -> new BadInputException(option + " '"
                + text + "': use a positive number with s, m or h, e.g. 30m or 1h30m (a bare number is seconds)"));
    }
}
