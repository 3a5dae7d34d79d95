package dev.orchestra.bench.migrate;

import java.util.List;
import java.util.Map;

/**
 * Where each way's wall time goes, side by side (first round): the plain way's three commands against
 * Orchestra's baseline validation, its agents' steps (from metrics.json), its final validation, and the
 * rest (the JVM's start, ingest, plan, integrating the patches, writing the bundle).
 */
final class MigrateTimeSplit {
    private MigrateTimeSplit() {}

    static String table(List<RepositoryResult> results) {
        StringBuilder md = new StringBuilder("## Where the time goes (first round)\n\n| repository | (a) test before | "
                + "(b) baseline | (a) rewrite:run | (b) steps, per agent | (a) test after | (b) validate | (b) rest |\n"
                + "|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (RepositoryResult r : results.stream().filter(RepositoryResult::measured).toList()) {
            PlainMigration.Result a = r.plain();
            OrchestraMigration.Result b = r.orchestra();
            long baseline = b.phases().getOrDefault("baseline", 0L);
            long validate = b.phases().getOrDefault("validate", 0L);
            long steps = b.agents().values().stream().mapToLong(Long::longValue).sum();
            md.append("| ").append(r.repo().repo()).append(" | ").append(MigrateTables.seconds(a.before().millis()))
                    .append(" | ").append(MigrateTables.seconds(baseline)).append(" | ")
                    .append(MigrateTables.seconds(a.rewriteMillis())).append(" | ").append(agents(b.agents())).append(" | ")
                    .append(MigrateTables.seconds(a.after().millis())).append(" | ")
                    .append(validate == 0 ? "not reached" : MigrateTables.seconds(validate))
                    .append(" | ").append(MigrateTables.seconds(b.millis() - baseline - validate - steps)).append(" |\n");
        }
        return md.toString();
    }

    private static String agents(Map<String, Long> agents) {
        return agents.isEmpty() ? "–" : String.join(", ", agents.entrySet().stream()
                .map(e -> e.getKey() + " " + MigrateTables.seconds(e.getValue())).toList());
    }
}
