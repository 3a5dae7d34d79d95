package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.workspace.WorkingTree;

/**
 * Puts the working tree back where the run left it before a resume: finishes a move a kill
 * interrupted, checks the run branch out again if the user switched away, and refuses when
 * uncommitted changes of the user's are in the way.
 */
final class WorkingTreeRecovery {
    private final RunContext context;

    WorkingTreeRecovery(RunContext context) {
        this.context = context;
    }

    void recover(RunState state) {
        if (state.leaveWorkingTree || state.phase == Phase.INGEST) {
            return;
        }
        WorkingTree tree = context.tree();
        boolean onRunBranch = state.runBranch.equals(tree.currentBranch());
        if (onRunBranch && state.checkoutPending != null) {
            context.progress("resume: finishing the interrupted update of the working tree");
            tree.resetHard(state.checkoutPending);
            state.checkoutPending = null;
            return;
        }
        if (onRunBranch) {
            tree.requireClean("resuming run " + state.runId);
            return;
        }
        tree.requireClean("resuming run " + state.runId + " (it checks out " + state.runBranch + ")");
        tree.checkout(state.runBranch);
        if (state.checkoutPending != null) {
            tree.resetHard(state.checkoutPending);
            state.checkoutPending = null;
        }
    }
}
