package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a user asks for when starting a run.
 *
 * @param plan the validated plan (from a workflow), or null when the planner model plans the task
 * @param workflow the workflow's name or file, as given
 * @param task the task text (may be empty for a workflow)
 * @param validateCommand the validation hook's shell command, or null
 * @param externalValidation true when the hook runs outside the engine (Jenkins body): the run waits (exit 11)
 * @param junitGlobs where the hook writes JUnit XML (relative to the repository)
 * @param gates the gates a human must pass; the others are auto-approved and recorded as such
 * @param runId the run id to use, or null for a new one
 * @param stepTimeout wall-time limit of one step
 * @param leaveWorkingTree true to never touch the working tree: the run branch is built and validated in copies
 * @param model the model as {@code provider:model}, or null for a run without a model
 * @param maxFixIterations how many times failing tests go back to the model before the run escalates
 * @param modelFlags the model settings given on the command line (never a key), kept for resume
 * @param baseCommit the commit to start from (a replay starts where its original did), or null for HEAD
 * @param jobs how many steps may run at once
 * @param writeScope where agents may write beyond their steps' scopes (empty: anywhere)
 * @param allowProtected protected paths this run allows agents to change
 * @param budget the run's limits
 * @param passEnv environment variables the operator lets agents have when their step names them ({@code env:})
 */
public record RunRequest(
        Plan plan,
        String workflow,
        String task,
        String validateCommand,
        boolean externalValidation,
        List<String> junitGlobs,
        Set<String> gates,
        String runId,
        Duration stepTimeout,
        boolean leaveWorkingTree,
        String model,
        int maxFixIterations,
        java.util.Map<String, String> modelFlags,
        String baseCommit,
        int jobs,
        List<String> writeScope,
        List<String> allowProtected,
        dev.orchestra.engine.budget.Budget budget,
        List<String> passEnv) {

    public static final Set<String> ALL_GATES = Set.of("plan", "patch", "pr");

    public RunRequest {
        passEnv = passEnv == null ? List.of() : List.copyOf(passEnv);
    }

    /** A request that passes no variable to any agent beyond the harmless ones. */
    public RunRequest(Plan plan, String workflow, String task, String validateCommand, boolean externalValidation,
                      List<String> junitGlobs, Set<String> gates, String runId, Duration stepTimeout,
                      boolean leaveWorkingTree, String model, int maxFixIterations,
                      java.util.Map<String, String> modelFlags, String baseCommit, int jobs, List<String> writeScope,
                      List<String> allowProtected, dev.orchestra.engine.budget.Budget budget) {
        this(plan, workflow, task, validateCommand, externalValidation, junitGlobs, gates, runId, stepTimeout,
                leaveWorkingTree, model, maxFixIterations, modelFlags, baseCommit, jobs, writeScope, allowProtected,
                budget, List.of());
    }
}
