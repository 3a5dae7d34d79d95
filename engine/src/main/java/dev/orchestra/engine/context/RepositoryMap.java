package dev.orchestra.engine.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compact map of a repository for prompts: every tracked file's path and, for Java files, the
 * package, types and member signatures. Focus files and the files related to them come first, in
 * more detail (private members too); the map is then shortened to the token budget, dropping
 * signatures before paths and saying how many files were left out. The same inputs always give
 * the same text.
 */
public final class RepositoryMap {

    /**
     * The map of {@code repo} around {@code focusFiles}, within {@code tokenBudget} (see
     * {@link TokenEstimate}) unless the budget cannot hold even the map's first and last lines.
     */
    public String render(Path repo, Collection<String> focusFiles, int tokenBudget) {
        List<String> paths = RepositoryFiles.list(repo);
        Set<String> focus = new TreeSet<>(focusFiles);
        Relatedness relatedness = new Relatedness(repo, paths, focus);
        List<MapEntry> entries = new ArrayList<>();
        for (String path : paths) {
            int tier = focus.contains(path) ? 0 : relatedness.isRelated(path) ? 1 : 2;
            entries.add(MapEntry.of(path, tier, tier < 2, relatedness.javaSource(path)));
        }
        entries.sort(MapEntry.ORDER);
        return new MapBudget(header(paths.size()), entries).fit(tokenBudget);
    }

    private static String header(int files) {
        return "Repository map: " + files + " files, related ones first, Java members without bodies.";
    }
}
