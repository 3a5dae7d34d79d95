package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ingest phase: checks the repository, records the request and the base, creates the run branch. */
final class Ingest {
    private final RunContext context;

    Ingest(RunContext context) {
        this.context = context;
    }

    RunState start(RunRequest request, Instant now) {
        WorkingTree tree = context.tree();
        if (!request.leaveWorkingTree()) {
            tree.requireClean("starting a run (or pass --leave-working-tree)");
        }
        String runId = request.runId();
        if (context.store().exists(runId)) {
            context.store().load(runId); // a run folder that is not this operator's is refused as such
            throw new BadInputException("run " + runId + " already exists; continue it with 'orchestra resume --run-id " + runId + "'");
        }
        context.store().requireNew(runId);
        String runBranch = "orchestra/" + runId;
        if (tree.branchCommit(runBranch) != null) {
            throw new BadInputException("branch " + runBranch + " already exists; choose another --run-id");
        }
        String base = request.baseCommit() != null ? request.baseCommit() : tree.head();
        RunState state = new RunState(request.toBuilder().baseCommit(base).build(), tree.currentBranch(), now);
        state.sandboxUsed(context.sandbox().use());
        context.store().save(state);
        CrashPoints.reach("ingest.after-state");
        return state;
    }

    /** The side effects of ingest; safe to repeat after a kill. */
    PhaseOutcome prepare(RunState state) {
        WorkingTree tree = context.tree();
        try {
            tree.excludeRunFolders();
            Files.writeString(context.runDir(state).resolve("task.md"), context.redactor().redact(state.task()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (state.plan() != null) {
            new PlanFiles(context).write(state);
        }
        new RunBranch(context).create(state);
        if (!state.request().leaveWorkingTree() && !state.runBranch().equals(tree.currentBranch())) {
            if (tree.head().equals(state.baseCommit())) {
                tree.attachHead(state.runBranch());
            } else {
                tree.requireClean("starting run " + state.runId());
                tree.checkout(state.runBranch());
            }
        }
        context.progress("run " + state.runId() + " on " + state.runBranch() + " from " + state.baseCommit().substring(0, 10)
                + (state.baseBranch() == null ? "" : " (" + state.baseBranch() + ")"));
        return PhaseOutcome.advance(Phase.PLAN);
    }

    static List<StepRecord> recordsFor(List<Step> steps) {
        List<StepRecord> records = new ArrayList<>();
        for (Step step : steps) {
            records.add(new StepRecord(step.id(), step.agent()));
        }
        return records;
    }
}
