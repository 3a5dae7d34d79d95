package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.publish.PrGateSeries;
import java.time.Instant;

/**
 * Drives one run through its phases: ingest, plan gate, baseline, delegate, integrate (patch gate),
 * validate (pr gate), finalize. Every phase ends in a persisted state, so a killed process, or a
 * later command, resumes exactly where the run stood.
 */
public final class Orchestrator {
    private final RunContext context;
    private final GateKeeper gates;

    public Orchestrator(RunContext context, GateKeeper gates) {
        this.context = context;
        this.gates = gates;
    }

    /** Starts a new run and drives it as far as it can go. */
    public RunState start(RunRequest request) {
        RunState state = new Ingest(context).start(request);
        return proceed(state, gates);
    }

    /** Continues a run: after a gate answer, a validation outcome, or a kill. */
    public RunState resume(String runId, GateAnswer answer, ExternalValidation validation) {
        RunState state = context.store().load(runId);
        if (state.status.terminal() || state.status == RunStatus.ESCALATED) {
            throw new BadInputException("run " + runId + " is " + state.status.name().toLowerCase()
                    + "; there is nothing to resume");
        }
        if (state.phase != Phase.INGEST) {
            new RunBranch(context).requireUnmoved(state);
        }
        GateKeeper keeper = gates;
        if (state.status == RunStatus.WAITING_GATE) {
            if (answer != null && answer.editedPlan() != null && !"plan".equals(state.waitingFor)) {
                throw new BadInputException("--edited-plan answers the plan gate, but run " + runId + " waits at the "
                        + state.waitingFor + " gate");
            }
            keeper = answer == null ? gates : new Gates.Answered(state.waitingFor, answer, gates);
        } else if (answer != null) {
            throw new BadInputException("run " + runId + " is not waiting at a gate (it is "
                    + state.status.name().toLowerCase() + ")");
        }
        if (state.status == RunStatus.WAITING_VALIDATION) {
            if (validation == null) {
                throw new BadInputException("run " + runId + " waits for the " + state.waitingFor
                        + " validation: pass --validation-exit N [--junit GLOB]");
            }
            new Validations(context).recordExternal(state, validation);
        } else if (validation != null) {
            throw new BadInputException("run " + runId + " is not waiting for validation");
        }
        state.status = RunStatus.RUNNING;
        state.sandbox = state.sandbox == null ? context.sandbox().use() : state.sandbox.and(context.sandbox().use());
        new WorkingTreeRecovery(context).recover(state);
        return proceed(state, keeper);
    }

    private RunState proceed(RunState state, GateKeeper keeper) {
        Gates gatesOfRun = new Gates(context, keeper);
        while (state.status == RunStatus.RUNNING) {
            Phase phase = state.phase;
            long started = System.nanoTime();
            runPhase(state, phase, gatesOfRun);
            if (phase != Phase.DONE) {
                state.phaseMillis.merge(phase.name().toLowerCase(), (System.nanoTime() - started) / 1_000_000, Long::sum);
            }
            BudgetStop.check(context, state);
            if (state.status.terminal() || state.status == RunStatus.ESCALATED) {
                finish(state);
            }
            context.store().save(state);
        }
        return state;
    }

    private void runPhase(RunState state, Phase phase, Gates gatesOfRun) {
        switch (phase) {
            case INGEST -> new Ingest(context).prepare(state);
            case PLAN -> plan(state, gatesOfRun);
            case BASELINE -> baseline(state);
            case DELEGATE -> delegate(state);
            case INTEGRATE -> integrate(state, gatesOfRun);
            case VALIDATE -> validate(state, gatesOfRun);
            case FINALIZE -> state.phase = Phase.DONE;
            case DONE -> state.status = RunStatus.DONE;
        }
    }

    private void plan(RunState state, Gates gatesOfRun) {
        if (state.plan == null && !new Planning(context).plan(state)) {
            return;
        }
        context.progress("plan: " + state.plan.steps().size() + " steps (" + state.plan.name() + ")");
        if (gatesOfRun.pass(state, "plan", "Approve the plan?", new PlanFiles(context).summary(state))) {
            state.phase = Phase.BASELINE;
        }
    }

    private void baseline(RunState state) {
        if (new Validations(context).run(state, "baseline", state.baseCommit)) {
            state.phase = Phase.DELEGATE;
        }
    }

    private void delegate(RunState state) {
        if (new Scheduler(context, state.jobs).run(state)) {
            state.phase = Phase.INTEGRATE;
        }
    }

    private void integrate(RunState state, Gates gatesOfRun) {
        Landing landing = new Landing(context);
        if (landing.alreadyLanded(state)) {
            landing.markLanded(state);
            state.phase = Phase.VALIDATE;
            return;
        }
        if (gatesOfRun.pass(state, "patch", "Land these patches on " + state.runBranch + "?", landing.summary(state))) {
            landing.land(state);
            state.phase = Phase.VALIDATE;
        }
    }

    private void validate(RunState state, Gates gatesOfRun) {
        Validations validations = new Validations(context);
        String head = context.tree().branchCommit(state.runBranch);
        if (!validations.run(state, "final", head)) {
            return;
        }
        Breakage breakage = Breakage.of(state);
        if (breakage.any()) {
            new FixLoop(context).handle(state, breakage);
            return;
        }
        String details = new Landing(context).landedSummary(state) + "\n" + validations.summary(state) + "\n"
                + PrGateSeries.shown(context, state);
        if (gatesOfRun.pass(state, "pr", "Ready for review: accept the result?", details)) {
            state.phase = Phase.FINALIZE;
        }
    }

    private void finish(RunState state) {
        state.finishedAt = Instant.now().toString();
        new AccountCheck(context).attach(state);
        new Finalizer(context).writeBundle(state);
        context.progress(Finalizer.oneLine(state));
    }

    /** The outcome of a validation hook run outside the engine, e.g. a Jenkins Pipeline body. */
    public record ExternalValidation(int exitCode, java.util.List<String> junitGlobs) {}
}
