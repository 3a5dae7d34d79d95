package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ingest phase: checks the repository, records the task and the base, creates the run branch. */
final class Ingest {
    private final RunContext context;

    Ingest(RunContext context) {
        this.context = context;
    }

    RunState start(RunRequest request) {
        WorkingTree tree = context.tree();
        if (request.plan() != null) {
            PassedVariables.check(request.plan(), request.passEnv());
        }
        if (!request.leaveWorkingTree()) {
            tree.requireClean("starting a run (or pass --leave-working-tree)");
        }
        String runId = request.runId() != null ? RunStore.checkRunId(request.runId()) : RunStore.newRunId(Instant.now());
        if (context.store().exists(runId)) {
            context.store().load(runId); // a run folder that is not this operator's is refused as such
            throw new BadInputException("run " + runId + " already exists; continue it with 'orchestra resume --run-id " + runId + "'");
        }
        context.store().requireNew(runId);
        String runBranch = "orchestra/" + runId;
        if (tree.branchCommit(runBranch) != null) {
            throw new BadInputException("branch " + runBranch + " already exists; choose another --run-id");
        }
        RunState state = newState(request, runId, runBranch);
        context.store().save(state);
        CrashPoints.reach("ingest.after-state");
        return state;
    }

    /** The side effects of ingest; safe to repeat after a kill. */
    void prepare(RunState state) {
        WorkingTree tree = context.tree();
        try {
            tree.excludeRunFolders();
            Files.writeString(context.runDir(state).resolve("task.md"), context.redactor().redact(state.task));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (state.plan != null) {
            new PlanFiles(context).write(state);
        }
        new RunBranch(context).create(state);
        if (!state.leaveWorkingTree && !state.runBranch.equals(tree.currentBranch())) {
            if (tree.head().equals(state.baseCommit)) {
                tree.attachHead(state.runBranch);
            } else {
                tree.requireClean("starting run " + state.runId);
                tree.checkout(state.runBranch);
            }
        }
        context.progress("run " + state.runId + " on " + state.runBranch + " from " + state.baseCommit.substring(0, 10)
                + (state.baseBranch == null ? "" : " (" + state.baseBranch + ")"));
        state.phase = Phase.PLAN;
    }

    private RunState newState(RunRequest request, String runId, String runBranch) {
        RunState state = new RunState();
        state.runId = runId;
        state.createdAt = Instant.now().toString();
        state.task = request.task() == null ? "" : request.task();
        state.workflow = request.workflow();
        state.baseCommit = request.baseCommit() != null ? request.baseCommit() : context.tree().head();
        state.baseBranch = context.tree().currentBranch();
        state.runBranch = runBranch;
        state.branchHead = state.baseCommit;
        state.candidate = state.baseCommit;
        state.validateCommand = request.validateCommand();
        state.externalValidation = request.externalValidation();
        state.junitGlobs = new ArrayList<>(request.junitGlobs());
        state.gates = new ArrayList<>(request.gates().stream().sorted().toList());
        state.stepTimeoutSeconds = request.stepTimeout().toSeconds();
        state.leaveWorkingTree = request.leaveWorkingTree();
        state.plan = request.plan();
        state.steps = request.plan() == null ? new ArrayList<>() : recordsFor(request.plan().steps());
        state.model = request.model();
        state.modelFlags = new java.util.LinkedHashMap<>(request.modelFlags());
        state.maxFixIterations = request.maxFixIterations();
        state.jobs = request.jobs();
        state.writeScope = new ArrayList<>(request.writeScope());
        state.allowProtected = new ArrayList<>(request.allowProtected());
        state.passEnv = new ArrayList<>(request.passEnv());
        state.budget = request.budget();
        state.sandbox = context.sandbox().use();
        return state;
    }

    static List<StepRecord> recordsFor(List<Step> steps) {
        List<StepRecord> records = new ArrayList<>();
        for (Step step : steps) {
            records.add(new StepRecord(step.id(), step.agent()));
        }
        return records;
    }
}
