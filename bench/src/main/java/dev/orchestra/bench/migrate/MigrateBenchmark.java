package dev.orchestra.bench.migrate;

import dev.orchestra.bench.TempFolder;
import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit 4 to 5 on real repositories, side by side: (a) the plain way ({@code mvn test}, {@code rewrite:run} of the
 * shipped recipe, {@code mvn test}) and (b) {@code orchestra run --workflow junit4-to-junit5 --gates none}, each on
 * its own fresh checkout, one after the other. Prints the tables and writes them to {@code --out} after every
 * repository. Usage: see {@link MigrateOptions#USAGE}.
 */
public final class MigrateBenchmark {
    static final String WORKFLOW = "junit4-to-junit5";

    private final MigrateOptions options;
    private final PrintStream progress;
    private final PlainMigration plain;
    private final OrchestraMigration orchestra;

    private MigrateBenchmark(MigrateOptions options, ShippedRecipe recipe, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.plain = new PlainMigration(recipe);
        this.orchestra = new OrchestraMigration(options.jar(), WORKFLOW, options.mavenInBuildFolder());
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the benchmark; 0 when every selected repository was measured, 1 when one could not be, 2 on bad input. */
    static int run(PrintStream out, PrintStream err, String... args) throws IOException, InterruptedException {
        MigrateOptions options;
        List<RepositoryCase> cases;
        try {
            options = MigrateOptions.parse(args);
            cases = selected(options);
        } catch (BadInputException e) {
            err.println("migrate: " + e.getMessage());
            return 2;
        }
        Path work = options.work() != null ? Files.createDirectories(options.work())
                : Files.createTempDirectory("orchestra-bench-migrate-");
        err.println("[migrate] checkouts and logs in " + work);
        ShippedRecipe recipe = ShippedRecipe.of(WORKFLOW);
        MigrateReport report = new MigrateReport(RunContext.probe(orchestraRoot(options.jar()), work), options, recipe);
        List<RepositoryResult> results = new MigrateBenchmark(options, recipe, err).measureAll(cases, work, report);
        out.print(report.render(results, cases.size()));
        return results.stream().allMatch(RepositoryResult::measured) ? 0 : 1;
    }

    private List<RepositoryResult> measureAll(List<RepositoryCase> cases, Path work, MigrateReport report) throws IOException,
            InterruptedException {
        List<RepositoryResult> results = new ArrayList<>();
        for (RepositoryCase repo : cases) {
            results.add(measure(repo, work.resolve(repo.mirrorName())));
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), report.render(results, cases.size()));
            progress.println("[migrate] " + repo.repo() + " done; results so far in " + options.out());
        }
        return results;
    }

    private RepositoryResult measure(RepositoryCase repo, Path dir) throws InterruptedException {
        try {
            if (Files.exists(dir)) {
                TempFolder.delete(dir);
            }
            long warmUp = options.warmUp() ? warmUp(repo, dir) : -1;
            List<RepositoryResult.Round> rounds = new ArrayList<>();
            for (int i = 1; i <= options.rounds(); i++) {
                rounds.add(round(repo, options.rounds() == 1 ? dir : dir.resolve("round-" + i), i % 2 == 0));
            }
            return new RepositoryResult(repo, warmUp, rounds, null);
        } catch (IOException | RuntimeException e) {
            progress.println("[migrate] " + repo.repo() + ": not measured: " + e.getMessage());
            return RepositoryResult.benchFailed(repo, e.getMessage());
        }
    }

    /** (a) and (b) on their own fresh checkouts under {@code dir}, one right after the other. */
    private RepositoryResult.Round round(RepositoryCase repo, Path dir, boolean orchestraFirst) throws IOException,
            InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        if (orchestraFirst) {
            OrchestraMigration.Result b = orchestraWay(repo, dir, logs);
            return new RepositoryResult.Round(plainWay(repo, dir, logs), b, true);
        }
        PlainMigration.Result a = plainWay(repo, dir, logs);
        return new RepositoryResult.Round(a, orchestraWay(repo, dir, logs), false);
    }

    private PlainMigration.Result plainWay(RepositoryCase repo, Path dir, Path logs) throws IOException, InterruptedException {
        progress.println("[migrate] " + repo.repo() + ": (a) the plain way");
        return plain.run(repo, checkout(repo, dir.resolve("plain"), logs), logs);
    }

    private OrchestraMigration.Result orchestraWay(RepositoryCase repo, Path dir, Path logs) throws IOException,
            InterruptedException {
        progress.println("[migrate] " + repo.repo() + ": (b) orchestra run");
        return orchestra.run(repo, checkout(repo, dir.resolve("orchestra"), logs), logs);
    }

    /** One unmeasured pass of the plain way, so that both measured runs find the plugins and recipes in ~/.m2. */
    private long warmUp(RepositoryCase repo, Path dir) throws IOException, InterruptedException {
        progress.println("[migrate] " + repo.repo() + ": warm-up pass of the plain way");
        Path logs = Files.createDirectories(dir.resolve("logs/warm-up"));
        Path checkout = checkout(repo, dir.resolve("warm-up"), logs);
        long millis = plain.run(repo, checkout, logs).millis();
        TempFolder.delete(checkout);
        return millis;
    }

    private Path checkout(RepositoryCase repo, Path folder, Path logs) throws IOException, InterruptedException {
        Path patch = repo.pomPatch() == null ? null : options.list().toAbsolutePath().resolveSibling(repo.pomPatch());
        return Checkout.prepare(options.bareRepository(repo), repo, patch, folder,
                logs.resolve("checkout-" + folder.getFileName() + ".log"));
    }

    private static List<RepositoryCase> selected(MigrateOptions options) {
        List<RepositoryCase> all = RepositoryList.read(options.list());
        for (String name : options.only()) {
            if (all.stream().noneMatch(c -> c.repo().equals(name))) {
                throw new BadInputException("--only " + name + ": not in " + options.list());
            }
        }
        List<RepositoryCase> cases = all.stream().filter(c -> options.only().isEmpty() || options.only().contains(c.repo())).toList();
        for (RepositoryCase repo : cases) {
            if (!Files.isRegularFile(options.bareRepository(repo).resolve("HEAD"))) {
                throw new BadInputException(repo.repo() + ": no bare repository at " + options.bareRepository(repo));
            }
        }
        return cases;
    }

    /** The Orchestra checkout the jar was built in: {@code <root>/cli/target/orchestra.jar}. */
    private static Path orchestraRoot(Path jar) {
        Path root = jar.toAbsolutePath().normalize().getParent().getParent().getParent();
        return root == null ? Path.of(".") : root;
    }
}
