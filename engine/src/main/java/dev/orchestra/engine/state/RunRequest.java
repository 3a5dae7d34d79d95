package dev.orchestra.engine.state;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.policy.PathGlob;
import dev.orchestra.engine.validate.JUnitReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user asks for when starting a run: the run's configuration, built with {@link #builder()} (defaults and
 * every check in {@link Builder#build()}) and kept whole in the run's state; nothing in it changes during the run.
 *
 * @param runId the run id (a new one when the builder was given none)
 * @param task the task text (may be empty for a workflow)
 * @param workflow the workflow's name or file, as given, or null when the planner model plans the task
 * @param plan the validated plan of the workflow, or null when the planner model plans the task
 * @param validateCommand the validation hook's shell command, or null
 * @param externalValidation true when the hook runs outside the engine (Jenkins body): the run waits (exit 11)
 * @param junitGlobs where the hook writes JUnit XML (relative to the repository)
 * @param gates the gates a human must pass, in run order; the others are auto-approved and recorded as such
 * @param stepTimeout wall-time limit of one step or validation
 * @param leaveWorkingTree true to never touch the working tree: the run branch is built and validated in copies
 * @param model the model as {@code provider:model}, or null for a run without a model
 * @param modelFlags the model settings given on the command line (never a key), kept for resume
 * @param baseCommit the commit to start from (a replay starts where its original did), or null for HEAD
 * @param jobs how many steps may run at once
 * @param writeScope where agents may write beyond their steps' scopes (empty: anywhere)
 * @param allowProtected protected paths this run allows agents to change
 * @param passEnv environment variables the operator lets agents have when their step names them ({@code env:})
 * @param budget the run's limits, the number of fix iterations among them
 */
public record RunRequest(
        String runId,
        String task,
        String workflow,
        Plan plan,
        String validateCommand,
        boolean externalValidation,
        List<String> junitGlobs,
        List<Gate> gates,
        Duration stepTimeout,
        boolean leaveWorkingTree,
        String model,
        Map<String, String> modelFlags,
        String baseCommit,
        int jobs,
        List<String> writeScope,
        List<String> allowProtected,
        List<String> passEnv,
        Budget budget) {

    public static final Set<Gate> ALL_GATES = java.util.EnumSet.allOf(Gate.class);
    public static final int DEFAULT_MAX_FIX_ITERATIONS = 3;
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_JOBS = 4;

    /** Null-safe and unmodifiable, also for a request read back from an older or hand-edited state. */
    public RunRequest {
        task = task == null ? "" : task;
        junitGlobs = copy(junitGlobs);
        gates = gates == null ? List.of() : gates.stream().distinct().sorted().toList();
        stepTimeout = stepTimeout == null ? DEFAULT_STEP_TIMEOUT : stepTimeout;
        modelFlags = modelFlags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelFlags));
        writeScope = copy(writeScope);
        allowProtected = copy(allowProtected);
        passEnv = copy(passEnv);
        budget = budget == null ? Budget.UNLIMITED : budget;
    }

    /** How many times failing tests go back to the model before the run escalates. */
    public int maxFixIterations() {
        return budget.maxFixIterations() == null ? DEFAULT_MAX_FIX_ITERATIONS : budget.maxFixIterations();
    }

    /** True when a human must answer {@code gate}. */
    public boolean humanAt(Gate gate) {
        return gates.contains(gate);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, e.g. for a replay that changes a few. */
    public Builder toBuilder() {
        return new Builder().runId(runId).task(task).workflow(workflow).plan(plan).validateCommand(validateCommand)
                .externalValidation(externalValidation).junitGlobs(junitGlobs).gates(gates).stepTimeout(stepTimeout)
                .leaveWorkingTree(leaveWorkingTree).model(model).modelFlags(modelFlags).baseCommit(baseCommit).jobs(jobs)
                .writeScope(writeScope).allowProtected(allowProtected).passEnv(passEnv).budget(budget)
                .maxFixIterations(maxFixIterations());
    }

    private static List<String> copy(Collection<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Builds a {@link RunRequest}: every value has a default, and {@link #build()} refuses bad ones, naming the flag. */
    public static final class Builder {
        private String runId;
        private String task = "";
        private String workflow;
        private Plan plan;
        private String validateCommand;
        private boolean externalValidation;
        private List<String> junitGlobs = JUnitReports.DEFAULT_GLOBS;
        private Collection<Gate> gates = ALL_GATES;
        private Duration stepTimeout = DEFAULT_STEP_TIMEOUT;
        private boolean leaveWorkingTree;
        private String model;
        private Map<String, String> modelFlags = Map.of();
        private String baseCommit;
        private int jobs = DEFAULT_JOBS;
        private List<String> writeScope = List.of();
        private List<String> allowProtected = List.of();
        private List<String> passEnv = List.of();
        private Budget budget = Budget.UNLIMITED;
        private int maxFixIterations = DEFAULT_MAX_FIX_ITERATIONS;

        private Builder() {}

        /** The run id; without one, {@link #build()} makes a new one from the time. */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        public Builder task(String task) {
            this.task = task;
            return this;
        }

        /** The workflow's plan and its name or file as the user gave it. */
        public Builder workflow(String workflow, Plan plan) {
            this.workflow = workflow;
            this.plan = plan;
            return this;
        }

        Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        public Builder plan(Plan plan) {
            this.plan = plan;
            return this;
        }

        public Builder validateCommand(String command) {
            this.validateCommand = command;
            return this;
        }

        public Builder externalValidation(boolean external) {
            this.externalValidation = external;
            return this;
        }

        public Builder junitGlobs(List<String> globs) {
            this.junitGlobs = globs == null || globs.isEmpty() ? JUnitReports.DEFAULT_GLOBS : globs;
            return this;
        }

        /** The gates a human must pass (default: all three); an empty set auto-approves every gate. */
        public Builder gates(Collection<Gate> gates) {
            this.gates = gates;
            return this;
        }

        public Builder stepTimeout(Duration timeout) {
            this.stepTimeout = timeout;
            return this;
        }

        public Builder leaveWorkingTree(boolean leave) {
            this.leaveWorkingTree = leave;
            return this;
        }

        /** The model as {@code provider:model}, and the flags it was configured with (kept for resume). */
        public Builder model(String model, Map<String, String> flags) {
            this.model = model;
            this.modelFlags = flags == null ? Map.of() : flags;
            return this;
        }

        Builder model(String model) {
            this.model = model;
            return this;
        }

        Builder modelFlags(Map<String, String> flags) {
            this.modelFlags = flags;
            return this;
        }

        public Builder baseCommit(String commit) {
            this.baseCommit = commit;
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder writeScope(List<String> globs) {
            this.writeScope = globs;
            return this;
        }

        public Builder allowProtected(List<String> globs) {
            this.allowProtected = globs;
            return this;
        }

        public Builder passEnv(List<String> names) {
            this.passEnv = names;
            return this;
        }

        /** The run's limits; {@link #maxFixIterations} sets the fix-iteration limit among them. */
        public Builder budget(Budget budget) {
            this.budget = budget;
            return this;
        }

        public Builder maxFixIterations(int max) {
            this.maxFixIterations = max;
            return this;
        }

        /** The request, or a {@link BadInputException} naming the first bad value. */
        public RunRequest build() {
            if (validateCommand != null && externalValidation) {
                throw new BadInputException("--validate and --validate-external exclude each other");
            }
            if (jobs < 1) {
                throw new BadInputException("--jobs " + jobs + ": must be 1 or more");
            }
            if (maxFixIterations < 0) {
                throw new BadInputException("--max-fix-iterations " + maxFixIterations + ": must be 0 or more");
            }
            if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
                throw new BadInputException("--step-timeout must be positive, not " + stepTimeout);
            }
            writeScope.forEach(glob -> PathGlob.of(glob, "--write-scope"));
            allowProtected.forEach(glob -> PathGlob.of(glob, "--allow-protected"));
            String id = runId != null ? RunIds.check(runId) : RunIds.newId(java.time.Instant.now());
            if (plan == null && model == null) {
                throw new BadInputException("give --workflow NAME, or --model PROVIDER:MODEL to let the orchestrator model plan the task");
            }
            if (plan == null && (task == null || task.isBlank())) {
                throw new BadInputException("--task is required when the model plans the run");
            }
            if (plan != null) {
                PassedVariables.check(plan, passEnv);
            }
            Budget limits = new Budget(budget.maxTokens(), budget.maxCost(), budget.maxModelCalls(), budget.maxWallTime(),
                    maxFixIterations);
            return new RunRequest(id, task, workflow, plan, validateCommand, externalValidation, junitGlobs,
                    new ArrayList<>(gates), stepTimeout, leaveWorkingTree, model, modelFlags, baseCommit, jobs, writeScope,
                    allowProtected, passEnv, limits);
        }

    }
}
