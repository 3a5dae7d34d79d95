package dev.orchestra.engine.context;

import dev.orchestra.engine.workspace.CommitView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The narrow context of one model-agent step: the acceptance criteria, the repository's
 * {@code AGENTS.md} files, the focus files' full contents (or that they are to be created) and a
 * repository map within a budget. {@link #render()} fences every part as data, since task text and
 * repository content are untrusted input to the prompt.
 *
 * @param acceptance the step's acceptance criteria
 * @param agentsMd the root {@code AGENTS.md} and any in the focus files' folders, root first
 * @param files the focus files that exist, with their contents
 * @param filesToCreate focus files that do not exist yet
 * @param repositoryMap the rendered {@link RepositoryMap}
 */
public record AgentContext(String acceptance, List<SourceFile> agentsMd, List<SourceFile> files,
                           List<String> filesToCreate, String repositoryMap) {
    private static final String AGENTS_MD = "AGENTS.md";

    /** A repository file's path and text. */
    public record SourceFile(String path, String content) {}

    public AgentContext {
        agentsMd = List.copyOf(agentsMd);
        files = List.copyOf(files);
        filesToCreate = List.copyOf(filesToCreate);
    }

    /** Reads the context of a step on {@code focusFiles} from {@code repo}; focus paths must stay inside it. */
    public static AgentContext build(Path repo, List<String> focusFiles, String acceptance, int mapTokenBudget) {
        return build(repo, null, focusFiles, acceptance, mapTokenBudget);
    }

    /**
     * Like {@link #build(Path, List, String, int)} for a folder that holds only some files of
     * {@code commit} (null for a full copy): the map lists and reads the others from the commit.
     */
    public static AgentContext build(Path repo, CommitView commit, List<String> focusFiles, String acceptance,
                                     int mapTokenBudget) {
        List<SourceFile> files = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        for (String path : focusFiles) {
            Path file = inside(repo, path);
            if (Files.isRegularFile(file)) {
                files.add(new SourceFile(path, read(file)));
            } else {
                toCreate.add(path);
            }
        }
        String map = new RepositoryMap().render(repo, commit, focusFiles, mapTokenBudget);
        return new AgentContext(acceptance, agentsMd(repo, focusFiles), files, toCreate, map);
    }

    /** The context as prompt text, every part fenced and labelled as data. */
    public String render() {
        return new ContextFences().render(this);
    }

    private static List<SourceFile> agentsMd(Path repo, List<String> focusFiles) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(AGENTS_MD);
        focusFiles.stream().map(Relatedness::folder).sorted()
                .forEach(folder -> candidates.add(folder.isEmpty() ? AGENTS_MD : folder + "/" + AGENTS_MD));
        List<SourceFile> found = new ArrayList<>();
        for (String path : candidates) {
            Path file = inside(repo, path);
            if (Files.isRegularFile(file)) {
                found.add(new SourceFile(path, read(file)));
            }
        }
        return found;
    }

    private static Path inside(Path repo, String path) {
        Path root = repo.toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        try {
            boolean escapes = !file.startsWith(root)
                    || (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath()));
            if (escapes || path.startsWith("/")) {
                throw new IllegalArgumentException("focus file " + path + " is outside the repository");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
