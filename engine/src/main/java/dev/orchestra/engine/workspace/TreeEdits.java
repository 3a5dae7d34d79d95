package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Changes a few files of a git tree by rewriting only the trees along their paths: a step that edits
 * one file of a 2,000-file repository writes a handful of small trees, not the whole tree again.
 */
final class TreeEdits {
    /** A path that needs a folder where the tree has a file, or a file where it has a folder. */
    static final class NameConflict extends IOException {
        NameConflict(String path) {
            super("'" + path + "' is a file on one side and a folder on the other");
        }
    }

    private record Item(String name, FileMode mode, ObjectId id) {
        boolean isTree() {
            return mode == FileMode.TREE;
        }

        byte[] sortKey() {
            return (isTree() ? name + "/" : name).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Git's order of tree entries: by name bytes, a folder's name as if it ended in '/'. */
    private static final Comparator<Item> GIT_ORDER = (a, b) -> Arrays.compareUnsigned(a.sortKey(), b.sortKey());

    private TreeEdits() {}

    /**
     * The files that differ between two trees (recursively; identical folders are skipped whole): each
     * path with its version in {@code to}, or empty where {@code to} no longer has it.
     */
    static Map<String, Optional<TreeFiles.Entry>> changes(ObjectReader reader, AnyObjectId from, AnyObjectId to)
            throws IOException {
        Map<String, Optional<TreeFiles.Entry>> changes = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(from);
            walk.addTree(to);
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(1);
                changes.put(walk.getPathString(), mode == FileMode.MISSING ? Optional.empty()
                        : Optional.of(new TreeFiles.Entry(mode, walk.getObjectId(1))));
            }
        }
        return changes;
    }

    /**
     * {@code tree} with each path of {@code edits} set to its version, or removed where the version is
     * empty; folders left empty disappear. Returns the new tree's id (the objects are inserted, not flushed).
     */
    static ObjectId apply(ObjectReader reader, ObjectInserter inserter, AnyObjectId tree,
                          Map<String, Optional<TreeFiles.Entry>> edits) throws IOException {
        ObjectId result = rewrite(reader, inserter, tree, "", edits);
        return result != null ? result : inserter.insert(new TreeFormatter());
    }

    /**
     * One folder's rewrite: deletions first, then its sub-folders, then the files it gets, so that a file may take
     * the place of a folder whose files all go, and a folder the place of a deleted file.
     */
    private static ObjectId rewrite(ObjectReader reader, ObjectInserter inserter, AnyObjectId tree, String prefix,
                                    Map<String, Optional<TreeFiles.Entry>> edits) throws IOException {
        Map<String, Item> items = entries(reader, tree);
        Map<String, Map<String, Optional<TreeFiles.Entry>>> nested = new TreeMap<>();
        Map<String, TreeFiles.Entry> added = new TreeMap<>();
        for (Map.Entry<String, Optional<TreeFiles.Entry>> edit : edits.entrySet()) {
            String path = edit.getKey();
            int slash = path.indexOf('/');
            if (slash >= 0) {
                nested.computeIfAbsent(path.substring(0, slash), k -> new HashMap<>()).put(path.substring(slash + 1), edit.getValue());
            } else if (edit.getValue().isPresent()) {
                added.put(path, edit.getValue().get());
            } else {
                requireFile(items.get(path), prefix + path);
                items.remove(path);
            }
        }
        for (Map.Entry<String, Map<String, Optional<TreeFiles.Entry>>> folder : nested.entrySet()) {
            rewriteFolder(reader, inserter, items, prefix, folder.getKey(), folder.getValue());
        }
        for (Map.Entry<String, TreeFiles.Entry> file : added.entrySet()) {
            requireFile(items.get(file.getKey()), prefix + file.getKey());
            items.put(file.getKey(), new Item(file.getKey(), file.getValue().mode(), file.getValue().id()));
        }
        return items.isEmpty() ? null : insert(inserter, items);
    }

    private static void rewriteFolder(ObjectReader reader, ObjectInserter inserter, Map<String, Item> items,
                                      String prefix, String name, Map<String, Optional<TreeFiles.Entry>> edits)
            throws IOException {
        Item existing = items.get(name);
        if (existing != null && !existing.isTree()) {
            throw new NameConflict(prefix + name);
        }
        ObjectId sub = rewrite(reader, inserter, existing == null ? null : existing.id(), prefix + name + "/", edits);
        if (sub == null) {
            items.remove(name);
        } else {
            items.put(name, new Item(name, FileMode.TREE, sub));
        }
    }

    private static void requireFile(Item existing, String path) throws NameConflict {
        if (existing != null && existing.isTree()) {
            throw new NameConflict(path);
        }
    }

    private static Map<String, Item> entries(ObjectReader reader, AnyObjectId tree) throws IOException {
        Map<String, Item> items = new HashMap<>();
        if (tree != null) {
            CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
            for (; !parser.eof(); parser.next()) {
                String name = parser.getEntryPathString();
                items.put(name, new Item(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
            }
        }
        return items;
    }

    private static ObjectId insert(ObjectInserter inserter, Map<String, Item> items) throws IOException {
        List<Item> sorted = new ArrayList<>(items.values());
        sorted.sort(GIT_ORDER);
        TreeFormatter formatter = new TreeFormatter();
        sorted.forEach(item -> formatter.append(item.name(), item.mode(), item.id()));
        return inserter.insert(formatter);
    }
}
