package dev.orchestra.engine.bundle;

import java.util.Locale;

/** Durations, costs and counts written for people (SUMMARY.md, report.html). */
final class HumanUnits {
    private HumanUnits() {}

    static String duration(Long millis) {
        if (millis == null) {
            return "n/a";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    static String cost(double cost) {
        return String.format(Locale.ROOT, "$%.4f", cost);
    }
}
