package dev.orchestra.bench.migrate;

import java.util.List;

/** The results as Markdown: what was run, on what, a table of tests and one of outcomes and times, and notes. */
final class MigrateReport {
    private final RunContext context;
    private final MigrateOptions options;
    private final ShippedRecipe recipe;

    MigrateReport(RunContext context, MigrateOptions options, ShippedRecipe recipe) {
        this.context = context;
        this.options = options;
        this.recipe = recipe;
    }

    String render(List<RepositoryResult> results, int planned) {
        StringBuilder md = new StringBuilder("# Migration benchmark: JUnit 4 to 5 on real repositories\n\n");
        md.append(header(results.size(), planned));
        md.append(MigrateTables.tests(results)).append('\n');
        md.append(MigrateTables.outcomes(results)).append('\n');
        md.append(MigrateTimeSplit.table(results)).append('\n');
        md.append(MigrateNotes.of(results, options));
        return md.toString();
    }

    private String header(int done, int planned) {
        String warmUp = options.warmUp() ? "Before the two measured runs, each repository got one unmeasured warm-up pass "
                + "of the plain way on its own checkout, so both start with the plugins and recipes in `~/.m2`."
                : "No warm-up pass (`--no-warm-up`): the first Maven run of a repository may include downloads.";
        String rounds = options.rounds() == 1 ? "" : " Each repository ran " + options.rounds() + " rounds of (a) and (b), "
                + "each on fresh checkouts, (b) first in even rounds; counts and outcomes are the first round's.";
        return "Date: " + context.date() + " (UTC) · Orchestra commit " + context.orchestraCommit() + " · machine: "
                + context.cores() + " cores (nproc), Java " + context.java() + ", " + context.maven() + "\n\n"
                + "Load average (1, 5, 15 min) at the start: " + context.loadAtStart() + "; at the end: "
                + RunContext.loadAverage() + ". **The figures were taken under load**: the machine's cores are shared "
                + "with other builds and tests running at the same time, so wall times carry their noise; (a) and (b) of "
                + "one repository ran one right after the other.\n\n"
                + "Repositories: " + done + " of " + planned + " measured, from `" + options.list().getFileName() + "`"
                + (options.only().isEmpty() ? "" : " (only " + String.join(", ", options.only()) + ")") + ". Each starts "
                + "from a fresh checkout: the pinned commit's tree, its pom patch, `git init`, one commit.\n\n"
                + "- **(a) the plain way**, in the build folder: `mvn -B test FLAGS`, then `mvn -B "
                + String.join(" ", recipe.mavenArguments().subList(1, recipe.mavenArguments().size()))
                + "` (the recipe and artifact of the shipped `" + recipe.workflow() + "` workflow, the plugin version of "
                + "Orchestra's OpenRewrite agent), then `mvn -B test FLAGS`; counts from the Surefire XML each test run wrote.\n"
                + "- **(b) Orchestra**, on a second fresh checkout: `java -jar cli/target/orchestra.jar run --repo CHECKOUT "
                + "--workflow " + recipe.workflow() + " --gates none --validate \"mvn -B test FLAGS\" --json` (with `cd "
                + "BUILD_DIR && ` before `mvn` when the build folder is not the top folder); counts from bundle.json, wall "
                + "time from start to exit of the process.\n\n" + warmUp + rounds + " FLAGS are the list's test flags (they skip "
                + "checks that are not tests and ignore test failures, so a failing build means it did not compile).\n\n";
    }
}
