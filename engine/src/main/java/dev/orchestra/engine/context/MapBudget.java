package dev.orchestra.engine.context;

import java.util.List;

/**
 * Shortens a repository map to a token budget: first the least related files lose their members,
 * then their types, then the same for closer files; only then are paths left out, least related
 * first, and counted in a closing line.
 */
final class MapBudget {
    private final String header;
    private final List<MapEntry> entries;
    private final int[] level;
    private final boolean[] dropped;
    private int total;
    private int droppedCount;

    MapBudget(String header, List<MapEntry> entries) {
        this.header = header;
        this.entries = entries;
        this.level = new int[entries.size()];
        this.dropped = new boolean[entries.size()];
        this.total = TokenEstimate.of(header + "\n") + entries.stream().mapToInt(e -> e.cost(MapEntry.MEMBERS)).sum();
    }

    String fit(int budget) {
        for (int tier = 2; tier >= 0; tier--) {
            for (int target = MapEntry.TYPES; target <= MapEntry.PATH; target++) {
                shorten(tier, target, budget);
            }
        }
        int footerCost = total > budget ? TokenEstimate.of(footer(entries.size()) + "\n") : 0;
        for (int i = entries.size() - 1; i >= 0 && total + footerCost > budget; i--) {
            dropped[i] = true;
            droppedCount++;
            total -= entries.get(i).cost(level[i]);
        }
        return render();
    }

    private void shorten(int tier, int target, int budget) {
        for (int i = entries.size() - 1; i >= 0 && total > budget; i--) {
            MapEntry entry = entries.get(i);
            if (entry.tier() == tier && level[i] < target) {
                total += entry.cost(target) - entry.cost(level[i]);
                level[i] = target;
            }
        }
    }

    private String render() {
        StringBuilder out = new StringBuilder(header).append('\n');
        for (int i = 0; i < entries.size(); i++) {
            if (!dropped[i]) {
                out.append(entries.get(i).levels().get(level[i])).append('\n');
            }
        }
        if (droppedCount > 0) {
            out.append(footer(droppedCount)).append('\n');
        }
        return out.toString();
    }

    private static String footer(int count) {
        return "… " + count + (count == 1 ? " more file" : " more files") + " left out to fit the budget.";
    }
}
