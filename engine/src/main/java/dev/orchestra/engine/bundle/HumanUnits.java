package dev.orchestra.engine.bundle;

import java.util.Locale;

/** Durations, costs and counts written for people (SUMMARY.md, report.html). */
final class HumanUnits {
    private HumanUnits() {}

    static String duration(Long millis) {
        return millis == null ? "n/a" : dev.orchestra.engine.time.Durations.format(millis);
    }

    static String cost(double cost) {
        return String.format(Locale.ROOT, "$%.4f", cost);
    }
}
