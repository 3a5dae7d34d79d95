package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * What changed in a full copy's folder against the commit it holds, as {@code git add --all} would see it, read by
 * Orchestra alone: the files, their executable bits and symbolic links, with {@code .gitignore} rules for files the
 * commit does not track. Nothing else in the folder is obeyed: no {@code .git} (skipped wherever it appears), no
 * attributes, filters, hooks or configuration. A submodule stays as it is while its folder exists.
 */
final class FolderScan {
    private record Ignores(String prefix, IgnoreNode rules) {}

    private final NavigableMap<String, TreeFiles.Entry> tracked;
    private final ObjectInserter objects;
    private final Map<String, Optional<TreeFiles.Entry>> changes = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();

    private FolderScan(NavigableMap<String, TreeFiles.Entry> tracked, ObjectInserter objects) {
        this.tracked = tracked;
        this.objects = objects;
    }

    /**
     * Each path whose version in {@code root} differs from {@code tracked}, with its new version (its blob inserted
     * into {@code objects}), or empty where the folder no longer has it.
     */
    static Map<String, Optional<TreeFiles.Entry>> changes(Path root, NavigableMap<String, TreeFiles.Entry> tracked,
                                                           ObjectInserter objects) throws IOException {
        FolderScan scan = new FolderScan(tracked, objects);
        scan.walk(root, "", new ArrayList<>(), false);
        tracked.keySet().stream().filter(path -> !scan.seen.contains(path))
                .forEach(path -> scan.changes.put(path, Optional.empty()));
        return scan.changes;
    }

    private void walk(Path dir, String prefix, List<Ignores> ignores, boolean ignoredDir) throws IOException {
        List<Ignores> here = ignoredDir ? ignores : withRules(dir, prefix, ignores);
        for (Path child : children(dir)) {
            String name = child.getFileName().toString();
            if (name.equals(Constants.DOT_GIT)) {
                continue;
            }
            String path = prefix + name;
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            TreeFiles.Entry before = tracked.get(path);
            if (before != null && before.mode() == FileMode.GITLINK && attributes.isDirectory()) {
                seen.add(path);
            } else if (attributes.isDirectory()) {
                boolean ignored = ignoredDir || isIgnored(here, path, true);
                if (!ignored || tracksUnder(path)) {
                    walk(child, path + "/", here, ignored);
                }
            } else if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                if (before != null || !(ignoredDir || isIgnored(here, path, false))) {
                    seen.add(path);
                    record(path, child, attributes, before);
                }
            }
        }
    }

    private void record(String path, Path file, BasicFileAttributes attributes, TreeFiles.Entry before)
            throws IOException {
        if (attributes.isSymbolicLink()) {
            byte[] target = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
            if (before == null || before.mode() != FileMode.SYMLINK
                    || !before.id().equals(objects.idFor(Constants.OBJ_BLOB, target))) {
                changes.put(path, Optional.of(new TreeFiles.Entry(FileMode.SYMLINK, objects.insert(Constants.OBJ_BLOB, target))));
            }
            return;
        }
        FileMode mode = executable(file, before) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        ObjectId id;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            id = objects.idFor(Constants.OBJ_BLOB, attributes.size(), in);
        }
        if (before != null && before.mode() == mode && before.id().equals(id)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // the id of what was read this time: a process left running may still be writing the file
            changes.put(path, Optional.of(new TreeFiles.Entry(mode, objects.insert(Constants.OBJ_BLOB, attributes.size(), in))));
        }
    }

    /** The owner's execute bit, as git reads it; where the file system has none, the file keeps its mode. */
    private static boolean executable(Path file, TreeFiles.Entry before) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return before != null && before.mode() == FileMode.EXECUTABLE_FILE;
        }
    }

    private boolean tracksUnder(String dir) {
        String first = tracked.ceilingKey(dir + "/");
        return first != null && first.startsWith(dir + "/");
    }

    /** The rules that apply below {@code dir}: its parents', then its own {@code .gitignore} if it is a plain file. */
    private static List<Ignores> withRules(Path dir, String prefix, List<Ignores> parents) throws IOException {
        Path file = dir.resolve(Constants.DOT_GIT_IGNORE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return parents;
        }
        IgnoreNode rules = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            rules.parse(in);
        }
        List<Ignores> all = new ArrayList<>(parents);
        all.add(new Ignores(prefix, rules));
        return all;
    }

    /** Git's answer: the deepest {@code .gitignore} with a rule for the path decides. */
    private static boolean isIgnored(List<Ignores> ignores, String path, boolean directory) {
        for (int i = ignores.size() - 1; i >= 0; i--) {
            Ignores level = ignores.get(i);
            Boolean ignored = level.rules().checkIgnored(path.substring(level.prefix().length()), directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
