package dev.orchestra.engine.maven;

import dev.orchestra.engine.BadInputException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Maven that builds the repository Orchestra works on: {@code $ORCHESTRA_MAVEN}, else the
 * repository's own {@code ./mvnw}, else {@code mvn} on the PATH, else the newest Maven a wrapper
 * installed under {@code ~/.m2/wrapper/dists}. Assumes nothing newer than Maven 3.8.
 */
public final class MavenLocator {
    /** Environment variable naming the {@code mvn} executable to use, overriding the lookup. */
    public static final String OVERRIDE = "ORCHESTRA_MAVEN";

    private static final Pattern VERSION = Pattern.compile("apache-maven-(\\d+(?:\\.\\d+)*)");

    private final Map<String, String> env;
    private final Path home;
    private final boolean windows;

    /** A locator reading the given environment and home directory (for tests and embedding). */
    public MavenLocator(Map<String, String> env, Path home) {
        this(env, home, System.getProperty("os.name", "").toLowerCase().startsWith("windows"));
    }

    MavenLocator(Map<String, String> env, Path home, boolean windows) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.windows = windows;
    }

    /** A locator for this process's environment and the user's home directory. */
    public static MavenLocator fromSystem() {
        return new MavenLocator(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The command prefix that runs Maven for {@code repo}, e.g. {@code [/usr/bin/mvn]}. */
    public List<String> command(Path repo) {
        return override()
                .or(() -> wrapper(repo))
                .or(this::onPath)
                .or(this::wrapperDistribution)
                .orElseThrow(() -> new BadInputException(
                        "no Maven found: install Maven 3.8+ or add the Maven wrapper (./mvnw) to the repository"));
    }

    private Optional<List<String>> override() {
        String value = env.get(OVERRIDE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path mvn = Path.of(value).toAbsolutePath();
        if (!isExecutableFile(mvn)) {
            throw new BadInputException(OVERRIDE + "=" + value + " is not an executable file");
        }
        return Optional.of(List.of(mvn.toString()));
    }

    private Optional<List<String>> wrapper(Path repo) {
        Path mvnw = repo.toAbsolutePath().normalize().resolve(windows ? "mvnw.cmd" : "mvnw");
        if (!Files.isRegularFile(mvnw)) {
            return Optional.empty();
        }
        if (windows || Files.isExecutable(mvnw)) {
            return Optional.of(List.of(mvnw.toString()));
        }
        return Optional.of(List.of("sh", mvnw.toString()));
    }

    private Optional<List<String>> onPath() {
        String path = env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank()) {
                Path mvn = Path.of(entry).resolve(executableName()).toAbsolutePath();
                if (isExecutableFile(mvn)) {
                    return Optional.of(List.of(mvn.toString()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> wrapperDistribution() {
        String userHome = env.get("MAVEN_USER_HOME");
        Path dists = (userHome == null || userHome.isBlank() ? home.resolve(".m2") : Path.of(userHome))
                .resolve("wrapper/dists");
        if (!Files.isDirectory(dists)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dists, 5)) {
            return files.filter(p -> p.endsWith(Path.of("bin", executableName())) && isExecutableFile(p))
                    .max(Comparator.comparing(MavenLocator::version, MavenLocator::compareVersions))
                    .map(p -> List.of(p.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dists, e);
        }
    }

    private String executableName() {
        return windows ? "mvn.cmd" : "mvn";
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    private static List<Integer> version(Path mvn) {
        Matcher m = VERSION.matcher(mvn.toString().replace('\\', '/'));
        List<Integer> parts = new ArrayList<>();
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last != null) {
            for (String part : last.split("\\.")) {
                parts.add(Integer.parseInt(part));
            }
        }
        return parts;
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int diff = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }
}
