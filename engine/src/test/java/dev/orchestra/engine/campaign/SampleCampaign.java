package dev.orchestra.engine.campaign;

import java.util.List;

/** A campaign of three repositories that ended three ways, for the rollup's tests. */
final class SampleCampaign {
    private SampleCampaign() {}

    static Campaign of(String hostileName, String hostileUrl) {
        List<RollupRow> rows = List.of(
                new RollupRow("billing", "https://git.example.com/acme/billing.git", "finished", "done", 0, null, "batch-billing",
                        null, new RollupRow.Counts(40, 38, 2, 0), new RollupRow.Counts(40, 40, 0, 0), 12, 240, 80, 95_000,
                        0.42, 12_000, "https://forge.example/acme/billing/pull/7", false, "minor"),
                new RollupRow("search", "https://git.example.com/acme/search.git", "finished", "escalated", 12,
                        "tests got worse: 3 newly failing", "batch-search", null, new RollupRow.Counts(20, 20, 0, 0),
                        new RollupRow.Counts(20, 17, 3, 0), 4, 30, 10, 60_000, 0.10, 3_000, hostileUrl, true, null),
                new RollupRow(hostileName, "/srv/repos/x", "finished", "failed", 1, "step greet failed", "batch-x", null,
                        null, null, 0, 0, 0, 5_000, 0.0, 0, null, false, null));
        return new Campaign(1, "nightly", "junit4-to-junit5", "2026-12-06T01:00:00Z", "2026-12-06T02:00:00Z", rows,
                Campaign.Totals.of(rows));
    }
}
