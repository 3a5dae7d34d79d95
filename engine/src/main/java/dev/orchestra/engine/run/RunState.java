package dev.orchestra.engine.run;

import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run knows, persisted as {@code state.json} in its run folder after every change so that
 * any later process can resume it.
 */
public final class RunState {
    public String runId;
    public String task = "";
    public String workflow;
    public String baseCommit;
    public String baseBranch;
    public String runBranch;
    /** The commit Orchestra last put the run branch at; it moves the branch only from there (or to its own commits). */
    public String branchHead;
    public String validateCommand;
    public boolean externalValidation;
    /** Where the validation hook writes JUnit XML, relative to the repository. */
    public List<String> junitGlobs = new ArrayList<>();
    public long stepTimeoutSeconds = 1800;
    /** How many steps may run at once. */
    public int jobs = 4;
    /** True when the user's working tree is never touched: the run branch is validated in a copy. */
    public boolean leaveWorkingTree;
    /** Set while the working tree is being moved to this commit; a resume finishes the move. */
    public String checkoutPending;
    /** Gates a human must pass ({@code plan}, {@code patch}, {@code pr}); the others are auto-approved. */
    public List<String> gates = new ArrayList<>();
    public Plan plan;
    public Phase phase = Phase.INGEST;
    public RunStatus status = RunStatus.RUNNING;
    /** The gate name or validation kind the run waits for, when status is WAITING_*. */
    public String waitingFor;
    public String waitingSince;
    public String failure;
    /** Step id and run-folder-relative log of the failure, when known. */
    public String failedStep;
    public List<StepRecord> steps = new ArrayList<>();
    public List<GateDecision> decisions = new ArrayList<>();
    /** Gates passed, as {@code gate#fixIteration}: the patch and pr gates are asked again after fixes. */
    public List<String> passedGates = new ArrayList<>();
    /** The model's {@code provider:model}, or null when the run has none (workflows only). */
    public String model;
    /** The model settings given on the command line (never a key); resume reads the config files again with them. */
    public Map<String, String> modelFlags = new LinkedHashMap<>();
    public int maxFixIterations = 3;
    public int fixIterations;
    /** Where agents may write, beyond their steps' own scopes (empty: anywhere). */
    public List<String> writeScope = new ArrayList<>();
    /** Protected paths this run explicitly allows agents to change. */
    public List<String> allowProtected = new ArrayList<>();
    /** Environment variables the operator passes to the agents of steps that name them ({@code env:}). */
    public List<String> passEnv = new ArrayList<>();
    /** The run's limits, and what it has spent so far (over every process that worked on it). */
    public dev.orchestra.engine.budget.Budget budget = dev.orchestra.engine.budget.Budget.UNLIMITED;
    public dev.orchestra.engine.budget.Spent spent = dev.orchestra.engine.budget.Spent.NOTHING;
    /** The sandbox command agents ran in: the mode asked for, and whether it was in effect in every process. */
    public dev.orchestra.engine.sandbox.SandboxUse sandbox;
    /** Every change the policy refused, with its reason ("step: path: reason"). */
    public List<String> refusals = new ArrayList<>();
    /** A fingerprint of each fix iteration's patch; the same patch twice stops the fix loop. */
    public List<String> fixFingerprints = new ArrayList<>();
    /** Commit the run branch had before the current fix iteration's steps. */
    public String fixBase;
    /** What the planner model used (the steps' agents have their own usage). */
    public dev.orchestra.engine.agent.Usage plannerUsage = dev.orchestra.engine.agent.Usage.NONE;
    /** The planner's summary of its plan, when a model planned the run. */
    public String planSummary;
    /** The orchestrator model's account of the change, with its claims checked; null without a model. */
    public ModelAccount account;
    public ValidationRecord baseline;
    public ValidationRecord validation;
    /** Commit the candidate ref points to (all delegated steps integrated), before the patch gate. */
    public String candidate;
    /** Milliseconds spent per phase, summed over every process that worked on the run. */
    public Map<String, Long> phaseMillis = new LinkedHashMap<>();
    public String createdAt;
    public String updatedAt;
    public String finishedAt;

    public StepRecord step(String id) {
        return steps.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }

    public GateDecision decision(String gate) {
        return decisions.stream().filter(d -> d.gate().equals(gate)).reduce((a, b) -> b).orElse(null);
    }
}
