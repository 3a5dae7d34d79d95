package dev.orchestra.bench.migrate;

import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import dev.orchestra.engine.validate.JUnitReports;
import dev.orchestra.engine.validate.TestRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plain way, as a user would do it in the build folder: {@code mvn test}, {@code rewrite:run} of the
 * shipped recipe, {@code mvn test}; the counts read from the Surefire XML each test run wrote.
 */
final class PlainMigration {
    /** Maven's compiler diagnostic: {@code [ERROR] /path/File.java:[26,17] message}. */
    private static final Pattern COMPILE_ERROR = Pattern.compile("^\\[ERROR\\] \\S+\\.java:\\[\\d+(,\\d+)?\\] .*");
    private static final Duration TIMEOUT = Duration.ofHours(1);

    private final ShippedRecipe recipe;

    PlainMigration(ShippedRecipe recipe) {
        this.recipe = recipe;
    }

    /** What the plain way ended with. */
    record Result(Tests before, int rewriteExit, long rewriteMillis, Tests after) {
        long millis() {
            return before.millis() + rewriteMillis + after.millis();
        }
    }

    /** One {@code mvn test}: its exit code, the counts, the distinct compiler errors it printed, its wall time. */
    record Tests(int exitCode, TestCounts counts, List<String> compileErrors, long millis) {}

    Result run(RepositoryCase repo, Path checkout, Path logs) throws IOException, InterruptedException {
        Path buildDir = checkout.resolve(repo.buildDir());
        Tests before = test(repo, checkout, logs.resolve("plain-test-before.log"));
        ProcessResult rewrite = ProcessRunner.shell("mvn " + String.join(" ", recipe.mavenArguments()))
                .directory(buildDir).logTo(logs.resolve("plain-rewrite.log")).timeout(TIMEOUT).run();
        Tests after = test(repo, checkout, logs.resolve("plain-test-after.log"));
        return new Result(before, rewrite.exitCode(), rewrite.duration().toMillis(), after);
    }

    private static Tests test(RepositoryCase repo, Path checkout, Path log) throws IOException, InterruptedException {
        Path buildDir = checkout.resolve(repo.buildDir());
        Instant started = Instant.now();
        ProcessResult result = ProcessRunner.shell(repo.testCommand()).directory(buildDir).logTo(log).timeout(TIMEOUT).run();
        TestRun run = new TestRun(result.exitCode(),
                JUnitReports.read(JUnitReports.find(buildDir, JUnitReports.DEFAULT_GLOBS, started)), result.duration().toMillis());
        return new Tests(result.exitCode(), TestCounts.of(run), compileErrors(log, checkout), result.duration().toMillis());
    }

    /** Distinct compiler errors, paths relative to the checkout ({@code [ERROR] core/src/...java:[26,17] message}). */
    private static List<String> compileErrors(Path log, Path checkout) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8); // test output may hold any bytes
        return text.lines().filter(l -> COMPILE_ERROR.matcher(l).matches())
                .map(l -> l.replace(checkout.toAbsolutePath() + "/", "")).distinct().toList();
    }
}
