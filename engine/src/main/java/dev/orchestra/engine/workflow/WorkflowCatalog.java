package dev.orchestra.engine.workflow;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the workflow a user asked for with {@code --workflow NAME|FILE}: a file path, else a workflow of
 * the repository ({@code .orchestra/workflows/NAME.yml} or {@code .yaml}), else one shipped with Orchestra.
 */
public final class WorkflowCatalog {
    /** Where a repository keeps its own workflows, relative to its root. */
    public static final String REPOSITORY_DIR = ".orchestra/workflows";
    private static final String SHIPPED_DIR = "/workflows/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path repository;
    private final WorkflowLoader loader;

    public WorkflowCatalog(Path repository, WorkflowLoader loader) {
        this.repository = repository;
        this.loader = loader;
    }

    /** Loads the workflow named by a path or a name; an unknown one lists what is available. */
    public Plan resolve(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new BadInputException("--workflow needs a workflow name or file; available: " + availableText());
        }
        Path file = existingFile(nameOrFile);
        if (file != null) {
            return loader.load(file);
        }
        if (!NAME.matcher(nameOrFile).matches() || nameOrFile.endsWith(".yml") || nameOrFile.endsWith(".yaml")) {
            throw new BadInputException(nameOrFile + ": no such workflow file");
        }
        for (String extension : List.of(".yml", ".yaml")) {
            Path own = repository.resolve(REPOSITORY_DIR).resolve(nameOrFile + extension);
            if (Files.isRegularFile(own)) {
                return loader.load(own);
            }
        }
        String shipped = shippedText(nameOrFile);
        if (shipped != null) {
            return loader.load(shipped, "orchestra:workflows/" + nameOrFile + ".yml", 0);
        }
        throw new BadInputException("unknown workflow '" + nameOrFile + "'; available: " + availableText()
                + " (a repository adds its own in " + REPOSITORY_DIR + "/NAME.yml)");
    }

    /** Names of the workflows shipped with Orchestra, sorted. */
    public List<String> shipped() {
        String index = resource(SHIPPED_DIR + "index.txt");
        if (index == null) {
            return List.of();
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
    }

    /** Names of the repository's own workflows, sorted. */
    public List<String> inRepository() {
        Path dir = repository.resolve(REPOSITORY_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every name {@link #resolve} accepts, sorted, each once (a repository workflow shadows a shipped one). */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>(inRepository());
        names.addAll(shipped());
        return List.copyOf(names);
    }

    private String availableText() {
        List<String> names = available();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private Path existingFile(String text) {
        try {
            Path path = Path.of(text);
            if (Files.isRegularFile(path)) {
                return path;
            }
            Path inRepository = repository.resolve(path);
            return !path.isAbsolute() && Files.isRegularFile(inRepository) ? inRepository : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String shippedText(String name) {
        String text = resource(SHIPPED_DIR + name + ".yml");
        return text != null ? text : resource(SHIPPED_DIR + name + ".yaml");
    }

    private static String resource(String path) {
        try (InputStream in = WorkflowCatalog.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
