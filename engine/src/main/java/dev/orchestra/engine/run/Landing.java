package dev.orchestra.engine.run;

import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;

/**
 * Lands the integrated steps on the run branch after the patch gate: the branch moves to the
 * candidate commit and, unless the run leaves the working tree alone, the files follow. The move is
 * recorded before it starts, so a kill in the middle is finished by the next resume.
 */
final class Landing {
    private final RunContext context;

    Landing(RunContext context) {
        this.context = context;
    }

    /** True when the run branch already holds every delegated step (or no step changed anything). */
    boolean alreadyLanded(RunState state) {
        return state.candidate().equals(context.tree().branchCommit(state.runBranch())) && state.checkoutPending() == null;
    }

    /** What the patch gate shows: the steps about to land, their files and line counts. */
    String summary(RunState state) {
        return steps(state, StepRecord.Status.DELEGATED).append("Inspect: git diff ").append(state.baseCommit(), 0, 10)
                .append(' ').append("refs/orchestra/").append(state.runId()).append("/candidate").toString();
    }

    /** What the pr gate shows of the changes: every step on the run branch, its files and line counts. */
    String landedSummary(RunState state) {
        return steps(state, StepRecord.Status.LANDED).append("Inspect: git diff ").append(state.baseCommit(), 0, 10)
                .append(' ').append(state.runBranch()).toString();
    }

    private static StringBuilder steps(RunState state, StepRecord.Status status) {
        StringBuilder text = new StringBuilder();
        for (StepRecord step : state.steps()) {
            if (step.status == status) {
                text.append(step.id).append(" (").append(step.agent).append("): ").append(step.files.size())
                        .append(" files, +").append(step.insertions).append(" -").append(step.deletions).append('\n');
                step.files.forEach(file -> text.append("  ").append(file).append('\n'));
            }
        }
        return text;
    }

    void land(RunState state) {
        RunBranch branch = new RunBranch(context);
        branch.requireUnmoved(state); // before anything is saved: a moved branch leaves the run as it was
        if (state.request().leaveWorkingTree()) {
            branch.move(state, state.candidate());
        } else {
            state.checkoutPending(state.candidate());
            context.store().save(state);
            CrashPoints.reach("integrate.before-checkout");
            branch.move(state, state.candidate());
            context.tree().matchFiles(state.candidate());
            CrashPoints.reach("integrate.after-checkout");
            state.checkoutPending(null);
        }
        markLanded(state);
        context.progress("integrate: " + state.runBranch() + " now at " + state.candidate().substring(0, 10));
    }

    void markLanded(RunState state) {
        state.branchAt(state.candidate());
        for (StepRecord step : state.steps()) {
            if (step.status == StepRecord.Status.DELEGATED) {
                step.status = StepRecord.Status.LANDED;
            }
        }
    }
}
