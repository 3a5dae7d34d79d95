package dev.orchestra.engine.validate;

import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import dev.orchestra.engine.trust.RunKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the project's validation command (a shell command line) in a working tree and reads the JUnit
 * XML it wrote; or takes the outcome of a hook run outside the engine. Either way the reports are
 * copied into a folder of the run so the bundle keeps them.
 */
public final class CommandValidation {
    private final Path workdir;
    private final List<String> globs;
    private final Duration timeout;

    /**
     * @param workdir where the command runs and where the report globs start
     * @param globs report globs relative to workdir ({@link JUnitReports#DEFAULT_GLOBS} when empty)
     * @param timeout wall-time limit of the command
     */
    public CommandValidation(Path workdir, List<String> globs, Duration timeout) {
        this.workdir = workdir;
        this.globs = globs == null || globs.isEmpty() ? JUnitReports.DEFAULT_GLOBS : List.copyOf(globs);
        this.timeout = timeout;
    }

    /**
     * Runs {@code command}, its output appended to {@code logFile}, then reads the reports written while
     * it ran (older ones are stale leftovers of an earlier build) and copies them into {@code copyTo}.
     */
    public TestRun run(String command, Path logFile, Path copyTo) throws IOException, InterruptedException {
        Instant started = Instant.now();
        ProcessResult result = ProcessRunner.shell(command).unset(RunKey.ENV) // the tests are the repository's code
                .directory(workdir).logTo(logFile).timeout(timeout).run();
        List<Path> reports = JUnitReports.find(workdir, globs, started);
        List<TestCase> cases = JUnitReports.read(reports);
        copyReports(reports, copyTo);
        return new TestRun(result.exitCode(), cases, result.duration().toMillis(),
                result.timedOut() ? timeout.toSeconds() : null);
    }

    /**
     * The outcome of a validation hook run outside the engine ({@code orchestra resume --validation-exit N
     * --junit GLOB}): its exit code and the reports matching {@code reportGlobs} under {@code root},
     * modified at or after {@code since} (null: any time), copied into {@code copyTo}.
     */
    public static TestRun fromHook(int exitCode, Path root, List<String> reportGlobs, Instant since,
                                   Path copyTo, long durationMillis) throws IOException {
        List<String> globs = reportGlobs == null || reportGlobs.isEmpty() ? JUnitReports.DEFAULT_GLOBS : reportGlobs;
        List<Path> reports = JUnitReports.find(root, globs, since);
        List<TestCase> cases = JUnitReports.read(reports); // a bad report is refused before anything is copied
        copyReports(reports, copyTo);
        return new TestRun(exitCode, cases, durationMillis);
    }

    /**
     * Copies reports side by side into {@code folder}, after removing the files a previous attempt left
     * there. Two reports with the same name (two modules) get {@code -2}, {@code -3}... suffixes.
     */
    static void copyReports(List<Path> reports, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        for (Path report : reports) {
            Files.copy(report, freeName(folder, report.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }
}
