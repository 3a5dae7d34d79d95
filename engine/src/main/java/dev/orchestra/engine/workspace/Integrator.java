package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Puts a step's commit on top of the candidate with a real 3-way merge (the step's parent is the
 * merge base), in memory: the working tree is never touched, and the new trees and commit stay in an
 * {@link ObjectBatch} until the caller writes it. The result keeps the step's message
 * and author, so the run branch has one commit per step.
 *
 * <p>When no file changed on both sides (the usual case: steps that run at once never share files),
 * the merge is done on trees: the step's changed files are written over the candidate's tree, which
 * rewrites only the folders along their paths. Otherwise JGit's resolve merger merges the contents.
 */
public final class Integrator {
    private final Repository repo;

    public Integrator(Repository repo) {
        this.repo = repo;
    }

    /** The outcome: the new candidate commit, or the files that conflict. */
    public record Result(Optional<String> commit, List<String> conflicts) {
        public boolean merged() {
            return commit.isPresent();
        }
    }

    /**
     * Merges {@code stepCommit} onto {@code candidate}, reading both through {@code batch} (either may be
     * held there) and putting the new objects in it; the caller writes the batch before it records the
     * result anywhere. A merge that needs JGit's resolve merger writes the batch first.
     */
    public Result integrate(String candidate, String stepCommit, ObjectBatch batch) {
        try (ObjectReader reader = batch.newReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit onto = walk.parseCommit(ObjectId.fromString(candidate));
            RevCommit step = walk.parseCommit(ObjectId.fromString(stepCommit));
            if (step.getParentCount() == 1 && step.getParent(0).equals(onto)) {
                return new Result(Optional.of(step.name()), List.of());
            }
            if (step.getParentCount() == 1) {
                walk.parseHeaders(step.getParent(0));
                Optional<ObjectId> tree = disjointMerge(reader, batch, onto, step);
                if (tree.isPresent()) {
                    return new Result(Optional.of(commit(batch, tree.get(), onto, step).name()), List.of());
                }
            }
            batch.write();
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
            merger.setBase(step.getParentCount() == 0 ? null : step.getParent(0).getTree());
            if (!merger.merge(onto, step)) {
                List<String> conflicts = merger.getUnmergedPaths().isEmpty()
                        ? List.copyOf(merger.getFailingPaths().keySet()) : List.copyOf(merger.getUnmergedPaths());
                return new Result(Optional.empty(), conflicts);
            }
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                ObjectId merged = commit(inserter, merger.getResultTreeId(), onto, step);
                inserter.flush();
                return new Result(Optional.of(merged.name()), List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge " + stepCommit + " onto " + candidate, e);
        }
    }

    /**
     * The merged tree when the step and the candidate changed different files since the step's parent
     * (no file, and no folder of a changed file, changed on both sides); empty otherwise.
     */
    private static Optional<ObjectId> disjointMerge(ObjectReader reader, ObjectInserter inserter, RevCommit onto,
                                                    RevCommit step) throws IOException {
        RevTree base = step.getParent(0).getTree();
        Map<String, Optional<TreeFiles.Entry>> theirs = TreeEdits.changes(reader, base, step.getTree());
        Set<String> ours = TreeEdits.changes(reader, base, onto.getTree()).keySet();
        Set<String> oursAndFolders = new HashSet<>();
        for (String path : ours) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                oursAndFolders.add(path.substring(0, slash));
            }
            oursAndFolders.add(path);
        }
        for (String path : theirs.keySet()) {
            if (oursAndFolders.contains(path)) {
                return Optional.empty();
            }
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                if (ours.contains(path.substring(0, slash))) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(TreeEdits.apply(reader, inserter, onto.getTree(), theirs));
        } catch (TreeEdits.NameConflict e) {
            return Optional.empty(); // the resolve merger reports it as a conflict
        }
    }

    private static ObjectId commit(ObjectInserter inserter, ObjectId tree, RevCommit onto, RevCommit step)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(onto);
        commit.setAuthor(step.getAuthorIdent());
        commit.setCommitter(step.getCommitterIdent());
        commit.setMessage(step.getFullMessage());
        return inserter.insert(commit);
    }
}
