package dev.orchestra.engine.context;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One file in the repository map, in its three levels of detail (members, types only, path only)
 * with the tokens each costs.
 */
record MapEntry(String path, int tier, List<String> levels) {
    static final int MEMBERS = 0;
    static final int TYPES = 1;
    static final int PATH = 2;
    static final Comparator<MapEntry> ORDER =
            Comparator.comparingInt(MapEntry::tier).thenComparing(MapEntry::path);

    static MapEntry of(String path, int tier, boolean withPrivate, Optional<String> javaSource) {
        String title = title(path, tier);
        Optional<JavaOutline.Outline> outline = javaSource.flatMap(source -> JavaOutline.of(source, withPrivate));
        if (outline.isEmpty()) {
            return pathOnly(path, tier);
        }
        return new MapEntry(path, tier, List.of(
                block(title, outline.get().members()), block(title, outline.get().types()), title));
    }

    /** A file shown by its path only, whatever the budget. */
    static MapEntry pathOnly(String path, int tier) {
        String title = title(path, tier);
        return new MapEntry(path, tier, List.of(title, title, title));
    }

    private static String title(String path, int tier) {
        return tier == 0 ? path + " (focus)" : path;
    }

    private static String block(String title, List<String> lines) {
        StringBuilder out = new StringBuilder(title);
        lines.forEach(line -> out.append("\n  ").append(line));
        return out.toString();
    }

    int cost(int level) {
        return TokenEstimate.ofLine(levels.get(level));
    }
}
