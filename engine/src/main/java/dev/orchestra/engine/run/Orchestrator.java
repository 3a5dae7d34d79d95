package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.publish.PrGateSeries;
import dev.orchestra.engine.state.Breakage;
import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import java.time.Clock;

/**
 * Drives one run through its phases: ingest, plan (plan gate), baseline, delegate, integrate (patch gate), validate
 * (fix loop, pr gate), finalize (the account and the bundle, written for every run that finished). Each phase returns a {@link PhaseOutcome}; this class alone applies it to the
 * run, checks the budget, and saves the state, so a killed process, or a later command, resumes exactly where the
 * run stood.
 */
public final class Orchestrator {
    private final RunContext context;
    private final GateKeeper gates;
    private final Clock clock;

    public Orchestrator(RunContext context, GateKeeper gates) {
        this(context, gates, Clock.systemUTC());
    }

    public Orchestrator(RunContext context, GateKeeper gates, Clock clock) {
        this.context = context;
        this.gates = gates;
        this.clock = clock;
    }

    /** Starts a new run and drives it as far as it can go. */
    public RunState start(RunRequest request) {
        RunState state = new Ingest(context).start(request, clock.instant());
        return proceed(state, gates);
    }

    /** Continues a run: after a gate answer, a validation outcome, or a kill. */
    public RunState resume(String runId, GateAnswer answer, ExternalValidation validation) {
        RunState state = context.store().load(runId);
        if (state.status().finished()) {
            throw new BadInputException("run " + runId + " is " + state.status().name().toLowerCase()
                    + "; there is nothing to resume");
        }
        if (state.phase() != Phase.INGEST) {
            new RunBranch(context).requireUnmoved(state);
        }
        GateKeeper keeper = keeperFor(state, answer);
        if (state.status() == RunStatus.WAITING_VALIDATION) {
            if (validation == null) {
                throw new BadInputException("run " + runId + " waits for the " + state.waitingFor()
                        + " validation: pass --validation-exit N [--junit GLOB]");
            }
            new Validations(context).recordExternal(state, validation);
        } else if (validation != null) {
            throw new BadInputException("run " + runId + " is not waiting for validation");
        }
        state.resumed();
        state.sandboxUsed(context.sandbox().use());
        new WorkingTreeRecovery(context).recover(state);
        return proceed(state, keeper);
    }

    private GateKeeper keeperFor(RunState state, GateAnswer answer) {
        if (state.status() == RunStatus.WAITING_GATE) {
            if (answer != null && answer.editedPlan() != null && !Gate.PLAN.is(state.waitingFor())) {
                throw new BadInputException("--edited-plan answers the plan gate, but run " + state.runId()
                        + " waits at the " + state.waitingFor() + " gate");
            }
            return answer == null ? gates : new Gates.Answered(state.waitingFor(), answer, gates);
        }
        if (answer != null) {
            throw new BadInputException("run " + state.runId() + " is not waiting at a gate (it is "
                    + state.status().name().toLowerCase() + ")");
        }
        return gates;
    }

    private RunState proceed(RunState state, GateKeeper keeper) {
        Gates gatesOfRun = new Gates(context, keeper);
        while (state.status() == RunStatus.RUNNING) {
            Phase phase = state.phase();
            long started = System.nanoTime();
            PhaseOutcome outcome = runPhase(state, phase, gatesOfRun);
            if (phase != Phase.DONE) {
                state.addPhaseTime(phase.name().toLowerCase(), (System.nanoTime() - started) / 1_000_000);
            }
            outcome = BudgetStop.check(context.ledger(), outcome);
            state.recordSpent(context.ledger().spent());
            state.apply(outcome, clock.instant());
            if (state.status().finished()) {
                finish(state);
            }
            context.store().save(state);
        }
        return state;
    }

    private PhaseOutcome runPhase(RunState state, Phase phase, Gates gatesOfRun) {
        return switch (phase) {
            case INGEST -> new Ingest(context).prepare(state);
            case PLAN -> plan(state, gatesOfRun);
            case BASELINE -> baseline(state);
            case DELEGATE -> new Scheduler(context, state.request().jobs()).run(state);
            case INTEGRATE -> integrate(state, gatesOfRun);
            case VALIDATE -> validate(state, gatesOfRun);
            case FINALIZE, DONE -> PhaseOutcome.done(); // the bundle follows in finish(), as for every finished run
        };
    }

    private PhaseOutcome plan(RunState state, Gates gatesOfRun) {
        if (state.plan() == null) {
            PhaseOutcome planned = new Planning(context).plan(state);
            if (planned.stops()) {
                return planned;
            }
        }
        context.progress("plan: " + state.plan().steps().size() + " steps (" + state.plan().name() + ")");
        PhaseOutcome gate = gatesOfRun.pass(state, Gate.PLAN, "Approve the plan?", new PlanFiles(context).summary(state));
        return gate.stops() ? gate : PhaseOutcome.advance(Phase.BASELINE);
    }

    private PhaseOutcome baseline(RunState state) {
        PhaseOutcome validated = new Validations(context).run(state, "baseline", state.baseCommit());
        return validated.stops() ? validated : PhaseOutcome.advance(Phase.DELEGATE);
    }

    private PhaseOutcome integrate(RunState state, Gates gatesOfRun) {
        Landing landing = new Landing(context);
        if (landing.alreadyLanded(state)) {
            landing.markLanded(state);
            return PhaseOutcome.advance(Phase.VALIDATE);
        }
        PhaseOutcome gate = gatesOfRun.pass(state, Gate.PATCH, "Land these patches on " + state.runBranch() + "?",
                landing.summary(state));
        if (gate.stops()) {
            return gate;
        }
        landing.land(state);
        return PhaseOutcome.advance(Phase.VALIDATE);
    }

    private PhaseOutcome validate(RunState state, Gates gatesOfRun) {
        Validations validations = new Validations(context);
        String head = context.tree().branchCommit(state.runBranch());
        PhaseOutcome validated = validations.run(state, "final", head);
        if (validated.stops()) {
            return validated;
        }
        Breakage breakage = Breakage.of(state);
        if (breakage.any()) {
            return new FixLoop(context).handle(state, breakage);
        }
        String details = new Landing(context).landedSummary(state) + "\n" + validations.summary(state) + "\n"
                + PrGateSeries.shown(context.tree().repository(), context.runDir(state), state);
        PhaseOutcome gate = gatesOfRun.pass(state, Gate.PR, "Ready for review: accept the result?", details);
        return gate.stops() ? gate : PhaseOutcome.advance(Phase.FINALIZE);
    }

    /** Every finished run: the model's account (through the ledger like every call), then the bundle. */
    private void finish(RunState state) {
        new AccountCheck(context).attach(state);
        state.recordSpent(context.ledger().spent());
        new Finalizer(context).writeBundle(state);
        context.progress(Finalizer.oneLine(state));
    }

    /** The outcome of a validation hook run outside the engine, e.g. a Jenkins Pipeline body. */
    public record ExternalValidation(int exitCode, java.util.List<String> junitGlobs) {}
}
