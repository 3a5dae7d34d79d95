package dev.orchestra.engine.policy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.policy.Refusal.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Decides whether the change between two commits may land, from the real diff: every changed path must stay inside
 * the repository and the scopes, away from .git and the protected paths, and every new file must be a regular text
 * file under the size limit whose added lines carry no secret.
 */
public final class PatchPolicy {
    private final ContentChecks content;

    /** A policy check that finds the well-known key shapes and the values {@code secrets} was given. */
    public PatchPolicy(SecretRedactor secrets) {
        this.content = new ContentChecks(secrets);
    }

    /**
     * The rules a path alone breaks under {@code policy} (escaping, .git, protected, outside the scopes),
     * before any content exists: how a plan that names files is checked.
     */
    public static List<Refusal> checkPath(String path, Policy policy) {
        Optional<Refusal> unsafe = PathSafety.check(path);
        return unsafe.isPresent() ? List.of(unsafe.get()) : new ScopeRules(policy).check(path);
    }

    /** Every rule the change from {@code fromCommit} to {@code toCommit} breaks; empty when it may land. */
    public List<Refusal> check(Repository repo, String fromCommit, String toCommit, Policy policy) {
        try (ObjectReader reader = repo.newObjectReader()) {
            return check(reader, commit(repo, fromCommit), commit(repo, toCommit), policy);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the diff " + fromCommit + ".." + toCommit + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same, reading both commits through {@code reader} (a step's commit may still be only in memory,
     * see {@link dev.orchestra.engine.workspace.ObjectBatch}).
     */
    public List<Refusal> check(ObjectReader reader, ObjectId fromCommit, ObjectId toCommit, Policy policy) {
        ScopeRules scopes = new ScopeRules(policy);
        Set<Refusal> refusals = new LinkedHashSet<>();
        try {
            List<DiffEntry> changes = changes(reader, fromCommit, toCommit);
            Set<String> deleted = changes.stream().filter(entry -> entry.getChangeType() == ChangeType.DELETE)
                    .map(DiffEntry::getOldPath).collect(Collectors.toSet());
            for (DiffEntry entry : changes) {
                String path = entry.getChangeType() == ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                Optional<Refusal> unsafe = PathSafety.check(path);
                if (unsafe.isPresent()) {
                    refusals.add(unsafe.get());
                    continue;
                }
                refusals.addAll(scopes.check(path));
                if (entry.getChangeType() != ChangeType.DELETE) {
                    newSide(reader, entry, deleted.contains(path), policy).ifPresent(refusals::add);
                } else if (path.equals(".gitmodules")) {
                    refusals.add(submoduleConfig(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the diff " + fromCommit.name() + ".." + toCommit.name() + ": "
                    + e.getMessage(), e);
        }
        return List.copyOf(refusals);
    }

    /** Refusals for what {@code entry} writes; {@code replaces} when it takes the place of a deleted entry. */
    private Optional<Refusal> newSide(ObjectReader reader, DiffEntry entry, boolean replaces, Policy policy)
            throws IOException {
        String path = entry.getNewPath();
        FileMode mode = entry.getNewMode();
        if (mode == FileMode.SYMLINK) {
            boolean wasFile = replaces || entry.getOldMode() == FileMode.REGULAR_FILE
                    || entry.getOldMode() == FileMode.EXECUTABLE_FILE;
            return Optional.of(new Refusal(path, Rule.SYMLINK, (wasFile ? "turns a file into a symbolic link"
                    : "symbolic link") + " (a link can point outside the repository)"));
        }
        if (mode == FileMode.GITLINK) {
            return Optional.of(new Refusal(path, Rule.SUBMODULE, "adds a submodule (a commit of another repository)"));
        }
        if (path.equals(".gitmodules")) {
            return Optional.of(submoduleConfig(path));
        }
        ObjectId id = entry.getNewId().toObjectId();
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        if (size > policy.maxFileBytes()) {
            return Optional.of(new Refusal(path, Rule.TOO_LARGE, Sizes.human(size) + ", over the "
                    + Sizes.human(policy.maxFileBytes()) + " limit for one file"));
        }
        byte[] old = entry.getChangeType() == ChangeType.ADD || entry.getOldMode() == FileMode.GITLINK ? null
                : reader.open(entry.getOldId().toObjectId()).getCachedBytes(Integer.MAX_VALUE);
        return content.check(path, old, reader.open(id).getCachedBytes(Integer.MAX_VALUE));
    }

    private static Refusal submoduleConfig(String path) {
        return new Refusal(path, Rule.SUBMODULE, "changes the submodule configuration");
    }

    private static List<DiffEntry> changes(ObjectReader reader, ObjectId from, ObjectId to) throws IOException {
        try (RevWalk walk = new RevWalk(reader); TreeWalk trees = new TreeWalk(reader)) {
            trees.addTree(walk.parseCommit(from).getTree());
            trees.addTree(walk.parseCommit(to).getTree());
            trees.setRecursive(true);
            trees.setFilter(TreeFilter.ANY_DIFF);
            return DiffEntry.scan(trees);
        }
    }

    private static ObjectId commit(Repository repo, String commit) throws IOException {
        ObjectId id = repo.resolve(commit + "^{commit}");
        if (id == null) {
            throw new BadInputException("commit " + commit + " not found in " + repo.getDirectory());
        }
        return id;
    }
}
