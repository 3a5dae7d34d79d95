package dev.orchestra.engine.context;

import dev.orchestra.engine.workspace.CommitView;
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
        return render(repo, null, focusFiles, tokenBudget);
    }

    /** The map of a folder that holds only some files of {@code commit} (null: a full work tree). */
    public String render(Path repo, CommitView commit, Collection<String> focusFiles, int tokenBudget) {
        try (RepositoryFiles files = commit == null ? RepositoryFiles.open(repo) : RepositoryFiles.of(repo, commit)) {
            List<String> paths = files.paths();
            Set<String> focus = new TreeSet<>(focusFiles);
            Relatedness relatedness = new Relatedness(files, focus);
            String header = header(paths.size());
            // Steps that start together read the same blobs: each begins at another file, so they share
            // the reading instead of waiting on one another. The tiers do not depend on the order.
            int[] tierOf = new int[paths.size()];
            int start = paths.isEmpty() ? 0 : Math.floorMod(focus.hashCode(), paths.size());
            for (int n = 0; n < paths.size(); n++) {
                int i = (start + n) % paths.size();
                String path = paths.get(i);
                tierOf[i] = focus.contains(path) ? 0 : relatedness.isRelated(path) ? 1 : 2;
            }
            List<List<String>> tiers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < paths.size(); i++) {
                tiers.get(tierOf[i]).add(paths.get(i));
            }
            // The budget takes signatures from the least related tier first, then the next. Once the map
            // is over budget with a tier and all after it as bare paths, that tier keeps no signatures,
            // so it is not parsed (the map is the same, only cheaper).
            List<MapEntry> entries = new ArrayList<>();
            List<List<MapEntry>> bare = new ArrayList<>();
            int floor = TokenEstimate.ofLine(header);
            for (int tier = 0; tier < tiers.size(); tier++) {
                List<MapEntry> pathsOnly = new ArrayList<>();
                for (String path : tiers.get(tier)) {
                    MapEntry entry = MapEntry.pathOnly(path, tier);
                    floor += entry.cost(MapEntry.PATH);
                    pathsOnly.add(entry);
                }
                bare.add(pathsOnly);
            }
            int outlined = 0;
            while (outlined < tiers.size() && floor <= tokenBudget) {
                for (String path : tiers.get(outlined)) {
                    MapEntry entry = MapEntry.of(path, outlined, outlined < 2, relatedness.javaSource(path));
                    floor += entry.cost(MapEntry.MEMBERS) - entry.cost(MapEntry.PATH);
                    entries.add(entry);
                }
                outlined++;
            }
            for (int tier = outlined; tier < tiers.size(); tier++) {
                entries.addAll(bare.get(tier));
            }
            entries.sort(MapEntry.ORDER);
            return new MapBudget(header, entries).fit(tokenBudget);
        }
    }

    private static String header(int files) {
        return "Repository map: " + files + " files, related ones first, Java members without bodies.";
    }
}
