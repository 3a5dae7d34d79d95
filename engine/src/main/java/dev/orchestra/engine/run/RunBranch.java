package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.state.RunState;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The run branch as the run left it. Orchestra moves it only from a commit it put there itself (compare-and-swap),
 * so a commit someone made on the branch, e.g. while the run waited at a gate, is never lost: the run refuses to go
 * on, naming both commits and what to do.
 */
final class RunBranch {
    private final RunContext context;

    RunBranch(RunContext context) {
        this.context = context;
    }

    /**
     * The branch's commit, when it is one Orchestra put there: where the run left it, the commit a move in progress
     * goes to, or the run's candidate. Anything else (or no branch) is refused.
     */
    String requireUnmoved(RunState state) {
        String actual = context.tree().branchCommit(state.runBranch());
        boolean ours = actual != null && Stream.of(state.branchHead(), state.checkoutPending(), state.candidate())
                .filter(Objects::nonNull).anyMatch(actual::equals);
        if (!ours) {
            throw moved(state, actual);
        }
        return actual;
    }

    /** Moves the branch to {@code commit}, only from where Orchestra left it, and records that it is there now. */
    void move(RunState state, String commit) {
        String from = requireUnmoved(state);
        if (!context.tree().moveBranch(state.runBranch(), from, commit)) {
            throw moved(state, context.tree().branchCommit(state.runBranch()));
        }
        state.branchAt(commit);
    }

    /** Creates the branch at the run's base; one that exists already must be where the run left it. */
    void create(RunState state) {
        if (context.tree().branchCommit(state.runBranch()) != null) {
            requireUnmoved(state);
        } else if (!context.tree().moveBranch(state.runBranch(), null, state.baseCommit())) {
            throw moved(state, context.tree().branchCommit(state.runBranch()));
        }
        state.branchAt(state.baseCommit());
    }

    private static BadInputException moved(RunState state, String actual) {
        String left = short10(state.branchHead());
        if (actual == null) {
            return new BadInputException("branch " + state.runBranch() + " was deleted; Orchestra left it at " + left
                    + ": recreate it (git branch " + state.runBranch() + " " + left + ") and resume the run again");
        }
        String now = short10(actual);
        return new BadInputException("branch " + state.runBranch() + " moved: Orchestra left it at " + left + ", it is now at "
                + now + " (a commit made on it?), and Orchestra will not overwrite it. Keep that commit (git branch keep-"
                + now + " " + now + "), put the branch back (git branch -f " + state.runBranch() + " " + left
                + ", or git reset --hard " + left + " when it is checked out), then resume the run again");
    }

    private static String short10(String commit) {
        return commit == null ? "(unknown)" : commit.substring(0, Math.min(10, commit.length()));
    }
}
