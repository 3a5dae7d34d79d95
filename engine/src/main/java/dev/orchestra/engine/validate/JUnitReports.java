package dev.orchestra.engine.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds JUnit XML reports under a folder by glob and reads them into test cases: surefire and failsafe
 * {@code TEST-*.xml}, Gradle, pytest and any other writer of {@code testsuite} / {@code testsuites}.
 */
public final class JUnitReports {
    /** Where Maven (surefire, failsafe) and Gradle write their reports. */
    public static final List<String> DEFAULT_GLOBS = List.of(
            "**/target/surefire-reports/TEST-*.xml",
            "**/target/failsafe-reports/TEST-*.xml",
            "**/build/test-results/**/*.xml");

    /** Folders never searched: git's own and Orchestra's run folders (which hold copies of reports). */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".orchestra", "node_modules");

    private JUnitReports() {}

    /**
     * Report files under {@code root} matching any of {@code globs} (relative to root; a leading
     * {@code **}{@code /} also matches at the root), modified at or after {@code since} (null: any time).
     * File times are coarser than the clock (whole seconds on some file systems, a timer tick on others),
     * so {@code since} counts from the start of its second: a report written just after it never looks
     * older. Sorted by path.
     */
    public static List<Path> find(Path root, List<String> globs, Instant sinceExactly) throws IOException {
        Instant since = sinceExactly == null ? null : sinceExactly.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<PathMatcher> matchers = matchers(root.getFileSystem(), globs);
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path relative = root.relativize(file);
                boolean fresh = since == null || !attrs.lastModifiedTime().toInstant().isBefore(since);
                if (attrs.isRegularFile() && fresh && matchers.stream().anyMatch(m -> m.matches(relative))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** Every test case of these files, one per id (the worst outcome wins), sorted by id. */
    public static List<TestCase> read(List<Path> files) {
        Map<String, TestCase> byId = new TreeMap<>();
        for (Path file : files) {
            for (TestCase testCase : JUnitXml.parse(file)) {
                byId.merge(testCase.id(), testCase, JUnitReports::worse);
            }
        }
        return List.copyOf(byId.values());
    }

    /** The test cases of one file, sorted by id. */
    public static List<TestCase> read(Path file) {
        return read(List.of(file));
    }

    /** The test cases of the reports found by {@link #find}. */
    public static List<TestCase> readAll(Path root, List<String> globs, Instant since) {
        try {
            return read(find(root, globs, since));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ERROR is worse than FAILED, which is worse than SKIPPED, which is worse than PASSED. */
    private static TestCase worse(TestCase a, TestCase b) {
        return severity(b.outcome()) > severity(a.outcome()) ? b : a;
    }

    private static int severity(TestCase.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> 0;
            case SKIPPED -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }

    private static List<PathMatcher> matchers(FileSystem fileSystem, List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            matchers.add(fileSystem.getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(fileSystem.getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return matchers;
    }
}
