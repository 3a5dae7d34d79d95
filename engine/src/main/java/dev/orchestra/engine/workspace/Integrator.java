package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Puts a step's commit on top of the candidate with a real 3-way merge (the step's parent is the
 * merge base), in memory: the working tree is never touched. The result keeps the step's message
 * and author, so the run branch has one commit per step.
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

    public Result integrate(String candidate, String stepCommit) {
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            RevCommit onto = walk.parseCommit(ObjectId.fromString(candidate));
            RevCommit step = walk.parseCommit(ObjectId.fromString(stepCommit));
            if (step.getParentCount() == 1 && step.getParent(0).equals(onto)) {
                return new Result(Optional.of(step.name()), List.of());
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
            merger.setBase(step.getParentCount() == 0 ? null : step.getParent(0).getTree());
            if (!merger.merge(onto, step)) {
                List<String> conflicts = merger.getUnmergedPaths().isEmpty()
                        ? List.copyOf(merger.getFailingPaths().keySet()) : List.copyOf(merger.getUnmergedPaths());
                return new Result(Optional.empty(), conflicts);
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentId(onto);
            commit.setAuthor(step.getAuthorIdent());
            commit.setCommitter(step.getCommitterIdent());
            commit.setMessage(step.getFullMessage());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return new Result(Optional.of(id.name()), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge " + stepCommit + " onto " + candidate, e);
        }
    }
}
