package dev.orchestra.engine.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchestra.engine.budget.Spent;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.sandbox.SandboxUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run knows, persisted as {@code state.json} in its run folder after every change so that any later
 * process can resume it. Two parts: the configuration, which never changes ({@link #request()}, the base branch and
 * the creation time), and the progress, read and changed through methods. The run's status and what it waits for
 * change only through {@link #apply(PhaseOutcome, Instant)}, which only the orchestrator calls ({@code ArchitectureTest}
 * checks it); what it spent only through the {@link dev.orchestra.engine.budget.SpendLedger} ({@link #spent()}).
 * Fields that are not private are read by {@link StateFields}, which names a field a damaged state.json lacks.
 */
public final class RunState {
    // ---- configuration: set once when the run starts -------------------------------------------------------------
    @JsonProperty
    private RunRequest request;
    @JsonProperty
    private String baseBranch;
    @JsonProperty
    private String createdAt;

    // ---- where the run stands: changed only by apply() --------------------------------------------------------------
    @JsonProperty
    private Phase phase = Phase.INGEST;
    @JsonProperty
    private RunStatus status = RunStatus.RUNNING;
    /** The gate name or validation kind the run waits for, when status is WAITING_*. */
    @JsonProperty
    private String waitingFor;
    @JsonProperty
    private String waitingSince;
    @JsonProperty
    private String failure;
    /** Step id of the failure, when a step caused it. */
    @JsonProperty
    private String failedStep;
    @JsonProperty
    private String finishedAt;
    /** What the run spent, as the ledger counted it (over every process that worked on the run). */
    @JsonProperty
    private Spent spent = Spent.NOTHING;

    // ---- progress the phases record, read and changed through the methods below -------------------------------------
    /** The commit Orchestra last put the run branch at; it moves the branch only from there (or to its own commits). */
    @JsonProperty
    private String branchHead;
    /** Set while the working tree is being moved to this commit; a resume finishes the move. */
    @JsonProperty
    private String checkoutPending;
    /** The plan being run: the request's, the planner's, or a human's edit, with the fix steps added. */
    @JsonProperty
    Plan plan;
    @JsonProperty
    List<StepRecord> steps = new ArrayList<>();
    @JsonProperty
    List<GateDecision> decisions = new ArrayList<>();
    /** Gates passed, as {@code gate#fixIteration}: the patch and pr gates are asked again after fixes. */
    @JsonProperty
    List<String> passedGates = new ArrayList<>();
    /** The sandbox command agents ran in: the mode asked for, and whether it was in effect in every process. */
    @JsonProperty
    private SandboxUse sandbox;
    /** Every change the policy refused, with its reason ("step: path: reason"). */
    @JsonProperty
    List<String> refusals = new ArrayList<>();
    /** A fingerprint of each fix iteration's patch; the same patch twice stops the fix loop. */
    @JsonProperty
    List<String> fixFingerprints = new ArrayList<>();
    /** Commit the run branch had before the current fix iteration's steps. */
    @JsonProperty
    private String fixBase;
    /** What the orchestrator model used: planning, fix planning and the account (the steps' agents have their own). */
    @JsonProperty
    Usage plannerUsage = Usage.NONE;
    /** The planner's summary of its plan, when a model planned the run. */
    @JsonProperty
    String planSummary;
    /** The orchestrator model's account of the change, with its claims checked; null without a model. */
    @JsonProperty
    private ModelAccount account;
    @JsonProperty
    ValidationRecord baseline;
    @JsonProperty
    ValidationRecord validation;
    /** Commit the candidate ref points to (all delegated steps integrated), before the patch gate. */
    @JsonProperty
    private String candidate;
    /** Milliseconds spent per phase, summed over every process that worked on the run. */
    @JsonProperty
    Map<String, Long> phaseMillis = new LinkedHashMap<>();
    @JsonProperty
    private String updatedAt;

    /** For JSON. */
    RunState() {}

    /** A new run of {@code request} (its run id and base commit resolved), started from {@code baseBranch}. */
    public RunState(RunRequest request, String baseBranch, Instant now) {
        this.request = request;
        this.baseBranch = baseBranch;
        this.createdAt = now.toString();
        this.branchHead = request.baseCommit();
        this.candidate = request.baseCommit();
        if (request.plan() != null) {
            usePlan(request.plan(), null);
        }
    }

    /** What the user asked for: the run's whole configuration. */
    public RunRequest request() {
        return request;
    }

    public String runId() {
        return request.runId();
    }

    public String task() {
        return request.task();
    }

    /** The commit the run started from. */
    public String baseCommit() {
        return request.baseCommit();
    }

    /** The branch the run started on, or null when HEAD was detached. */
    public String baseBranch() {
        return baseBranch;
    }

    /** The branch the run's commits land on: {@code orchestra/<run-id>}. */
    public String runBranch() {
        return "orchestra/" + request.runId();
    }

    public String createdAt() {
        return createdAt;
    }

    public Phase phase() {
        return phase;
    }

    public RunStatus status() {
        return status;
    }

    public String waitingFor() {
        return waitingFor;
    }

    public String waitingSince() {
        return waitingSince;
    }

    public String failure() {
        return failure;
    }

    public String failedStep() {
        return failedStep;
    }

    public String finishedAt() {
        return finishedAt;
    }

    public Spent spent() {
        return spent;
    }

    /** Fix iterations started so far (the ledger counts them). */
    public int fixIterations() {
        return spent.fixIterations();
    }

    /** The plan being run, or null before the planner made one. */
    public Plan plan() {
        return plan;
    }

    /** The plan's name, or what to show before there is a plan. */
    public String planName() {
        return plan == null ? "(no plan yet)" : plan.name();
    }

    /** The planner's summary of its plan, or null. */
    public String planSummary() {
        return planSummary;
    }

    /** What happened to each step of the plan, in plan order. */
    public List<StepRecord> steps() {
        return steps == null ? null : Collections.unmodifiableList(steps); // null only in a damaged state.json
    }

    public StepRecord step(String id) {
        return steps.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }

    /** Every gate decision, in the order they were made. */
    public List<GateDecision> decisions() {
        return decisions == null ? null : Collections.unmodifiableList(decisions); // null only in a damaged state.json
    }

    public GateDecision decision(String gate) {
        return decisions.stream().filter(d -> d.gate().equals(gate)).reduce((a, b) -> b).orElse(null);
    }

    /** Every change the policy refused ("step: path: reason"). */
    public List<String> refusals() {
        return refusals == null ? null : Collections.unmodifiableList(refusals); // null only in a damaged state.json
    }

    /** What the orchestrator model's calls used. */
    public Usage plannerUsage() {
        return plannerUsage;
    }

    public String branchHead() {
        return branchHead;
    }

    /** The commit the working tree is being moved to, or null when no move is under way. */
    public String checkoutPending() {
        return checkoutPending;
    }

    /** The commit holding every step integrated so far (the candidate ref's). */
    public String candidate() {
        return candidate;
    }

    public SandboxUse sandbox() {
        return sandbox;
    }

    /** The run branch's commit before the current fix iteration's steps, or null before any fix. */
    public String fixBase() {
        return fixBase;
    }

    public ModelAccount account() {
        return account;
    }

    /** The validation before any change, or null. */
    public ValidationRecord baseline() {
        return baseline;
    }

    /** The latest validation of the run branch, or null. */
    public ValidationRecord validation() {
        return validation;
    }

    /** Milliseconds spent per phase. */
    public Map<String, Long> phaseMillis() {
        return phaseMillis == null ? null : Collections.unmodifiableMap(phaseMillis);
    }

    public String updatedAt() {
        return updatedAt;
    }

    /** True when the gate was passed in this fix iteration ({@code gate#iteration}). */
    public boolean passed(String gateKey) {
        return passedGates.contains(gateKey);
    }

    // ---- progress the phases record ----------------------------------------------------------------------------------

    /** Runs {@code plan} from now on, every step pending; {@code summary} is the planner's, or null. */
    public void usePlan(Plan plan, String summary) {
        this.plan = plan;
        this.steps = new ArrayList<>(plan.steps().stream().map(step -> new StepRecord(step.id(), step.agent())).toList());
        this.planSummary = summary;
    }

    /** Adds fix steps: the plan becomes {@code extended}, and {@code added} records are pending. */
    public void addSteps(Plan extended, List<StepRecord> added) {
        this.plan = extended;
        this.steps.addAll(added);
    }

    /** The run branch now points at {@code commit}. */
    public void branchAt(String commit) {
        branchHead = commit;
    }

    /** The working tree starts moving to {@code commit} (null: the move is done or given up). */
    public void checkoutPending(String commit) {
        checkoutPending = commit;
    }

    /** Every step integrated so far is in {@code commit}. */
    public void candidateAt(String commit) {
        candidate = commit;
    }

    /** This process ran command agents in {@code use}; the run keeps the weakest sandbox any process had. */
    public void sandboxUsed(SandboxUse use) {
        sandbox = sandbox == null ? use : sandbox.and(use);
    }

    /** A fix iteration starts from {@code commit}. */
    public void fixFrom(String commit) {
        fixBase = commit;
    }

    /** Remembers a fix iteration's patch; false when the same patch came before. */
    public boolean rememberFix(String fingerprint) {
        if (fixFingerprints.contains(fingerprint)) {
            return false;
        }
        fixFingerprints.add(fingerprint);
        return true;
    }

    public void attachAccount(ModelAccount account) {
        this.account = account;
    }

    /** Records the baseline ({@code kind} {@code baseline}) or the latest validation of the run branch. */
    public void recordValidation(ValidationRecord record) {
        if (record.kind.equals("baseline")) {
            baseline = record;
        } else {
            validation = record;
        }
    }

    public void addPhaseTime(String phase, long millis) {
        phaseMillis.merge(phase, millis, Long::sum);
    }

    /** The state is saved at {@code now}. */
    public void touched(java.time.Instant now) {
        updatedAt = now.toString();
    }

    public void recordDecision(GateDecision decision) {
        decisions.add(decision);
    }

    public void markPassed(String gateKey) {
        passedGates.add(gateKey);
    }

    public void refuse(String refusal) {
        refusals.add(refusal);
    }

    public void addPlannerUsage(Usage usage) {
        plannerUsage = plannerUsage.plus(usage);
    }

    // ---- changes, made by the orchestrator only ----------------------------------------------------------------------

    /** Applies how a phase ended: the one place a run's status, phase and wait change. */
    public void apply(PhaseOutcome outcome, Instant now) {
        status = outcome.status();
        if (outcome.kind() == PhaseOutcome.Kind.ADVANCE) {
            phase = outcome.next();
        }
        if (outcome.kind() == PhaseOutcome.Kind.DONE) {
            phase = Phase.DONE;
        }
        boolean waits = status == RunStatus.WAITING_GATE || status == RunStatus.WAITING_VALIDATION;
        waitingFor = waits ? outcome.waitingFor() : null;
        waitingSince = waits ? now.toString() : null;
        if (outcome.failure() != null) {
            failure = outcome.failure();
            failedStep = outcome.failedStep();
        }
        if (status.finished()) {
            finishedAt = now.toString();
        }
    }

    /** Continues a waiting or killed run; what it waited for stays readable until the next outcome is applied. */
    public void resumed() {
        status = RunStatus.RUNNING;
    }

    /** Takes over what the ledger has counted so far. */
    public void recordSpent(Spent spent) {
        this.spent = spent;
    }
}
