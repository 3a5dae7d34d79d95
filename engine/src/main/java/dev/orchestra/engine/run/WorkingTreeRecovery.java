package dev.orchestra.engine.run;

import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.workspace.WorkingTree;

/**
 * Puts the working tree back where the run left it before a resume: finishes a move a kill
 * interrupted, checks the run branch out again if the user switched away, and refuses when
 * uncommitted changes of the user's are in the way, or when someone moved the run branch.
 */
final class WorkingTreeRecovery {
    private final RunContext context;

    WorkingTreeRecovery(RunContext context) {
        this.context = context;
    }

    void recover(RunState state) {
        if (state.request().leaveWorkingTree() || state.phase() == Phase.INGEST) {
            return;
        }
        WorkingTree tree = context.tree();
        boolean onRunBranch = state.runBranch().equals(tree.currentBranch());
        if (!onRunBranch) {
            tree.requireClean("resuming run " + state.runId() + " (it checks out " + state.runBranch() + ")");
            tree.checkout(state.runBranch());
        } else if (state.checkoutPending() == null) {
            tree.requireClean("resuming run " + state.runId());
        }
        if (state.checkoutPending() != null) {
            context.progress("resume: finishing the interrupted update of the working tree");
            new RunBranch(context).move(state, state.checkoutPending());
            tree.matchFiles(state.checkoutPending());
            state.checkoutPending(null);
        }
    }
}
