package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.Agent;
import dev.orchestra.engine.agent.AgentResult;
import dev.orchestra.engine.agent.AgentTask;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.policy.PatchPolicy;
import dev.orchestra.engine.policy.Policy;
import dev.orchestra.engine.policy.Refusal;
import dev.orchestra.engine.state.PassedVariables;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.workspace.ChangeStats;
import dev.orchestra.engine.workspace.FolderCopy;
import dev.orchestra.engine.workspace.Integrator;
import dev.orchestra.engine.workspace.IsolatedCopy;
import dev.orchestra.engine.workspace.ObjectBatch;
import dev.orchestra.engine.workspace.StepCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * One step of the delegate phase, in three parts: {@link #prepare} (orchestrator thread: an isolated
 * copy at the candidate commit), {@link #work} (any thread: the agent in its copy, its changes
 * committed there), {@link #finish} (orchestrator thread: checks, then a 3-way merge onto the
 * candidate). A conflict or a write outside the step's files sends the step back once.
 *
 * <p>The merges of the steps that land in one round, and the commits of the copies they come
 * from, stay in memory until {@link #endRound} writes them to the repository as one pack and moves the
 * candidate ref; the run state is saved only after that.
 */
final class StepRunner {
    private final RunContext context;
    private final ObjectBatch round;
    private String candidateRef;
    /** Where the candidate ref was when this delegate phase began, then where it moved it; it moves only from there. */
    private String candidateRefAt;
    private boolean candidateRefRead;

    StepRunner(RunContext context) {
        this.context = context;
        this.round = new ObjectBatch(context.tree().repository());
    }

    /**
     * A step ready to run: everything its worker needs, decided on the orchestrator's thread, including
     * the policy its patch is checked against and the redactor its log goes through.
     */
    record Prepared(String runId, Step step, int attempt, String base, Agent agent, AgentTask task, Repository repo,
                    Path copiesDir, PatchPolicy patchPolicy, Policy policy, SecretRedactor redactor) {}

    /**
     * What the agent did in its copy; its commit, if any, is readable through {@code objects} (in memory until the
     * round is written), and already checked against the policy ({@code refusals}).
     */
    record Work(Prepared prepared, AgentResult result, Optional<String> commit, ObjectBatch objects, ChangeStats stats,
                List<Refusal> refusals, String error) {
        static Work without(Prepared prepared, AgentResult result, String error) {
            return new Work(prepared, result, Optional.empty(), null, ChangeStats.NONE, List.of(), error);
        }
    }

    Prepared prepare(RunState state, Step step) {
        if (!candidateRefRead) {
            candidateRefAt = context.tree().refCommit(candidateRef(state));
            candidateRefRead = true;
        }
        StepRecord record = state.step(step.id());
        record.status = StepRecord.Status.RUNNING;
        record.attempts++;
        record.startedAt = Instant.now().toString();
        Path runDir = context.runDir(state);
        Path log = runDir.resolve("logs").resolve(step.id() + ".log");
        record.log = runDir.relativize(log).toString().replace('\\', '/');
        context.progress("delegate: " + step.id() + " (" + step.agent() + ") started"
                + (record.attempts > 1 ? ", attempt " + record.attempts : ""));
        Agent agent = context.agents().create(step);
        String instructions = record.retryNote == null ? step.instructions()
                : step.instructions() + "\n\nNote from Orchestra about your previous attempt: " + record.retryNote;
        AgentTask task = new AgentTask(step.id(), instructions, step.with(), step.scope(), null, log,
                state.request().stepTimeout()).about(facts(state, step));
        return new Prepared(state.runId(), step, record.attempts, state.candidate(), agent, task, context.tree().repository(),
                context.copiesDir(), context.policy(), RunPolicy.of(state, step), context.redactor());
    }

    /**
     * In its own copy: runs the agent and commits what it changed (the commit stays in memory until the merge is
     * written); the copy is gone afterwards. Safe to call from any thread.
     */
    static Work work(Prepared prepared) {
        try {
            return workInCopy(prepared);
        } finally {
            Redaction.file(prepared.task().logFile(), prepared.redactor());
        }
    }

    private static Work workInCopy(Prepared prepared) {
        Step step = prepared.step();
        // One folder per attempt: a process orphaned by a kill may still be writing in the last one.
        String name = prepared.runId() + "-" + step.id() + "-" + prepared.attempt();
        List<String> needed = prepared.agent().filesNeeded();
        try (StepCopy copy = needed == null
                ? IsolatedCopy.create(prepared.repo(), prepared.base(), prepared.copiesDir(), name)
                : FolderCopy.create(prepared.repo(), prepared.base(), prepared.copiesDir(), name, needed)) {
            AgentResult result = prepared.agent().run(prepared.task().in(copy.dir(), copy.view().orElse(null)));
            CrashPoints.reach("delegate.after-agent");
            if (result.status() != AgentResult.Status.SUCCEEDED) {
                return Work.without(prepared, result, null);
            }
            Optional<String> commit = copy.commitChanges(StepCommits.message(prepared.runId(), step, result,
                    prepared.redactor()), StepCommits.author(step));
            if (commit.isEmpty()) {
                return Work.without(prepared, result, null);
            }
            ObjectBatch made = copy.unwritten();
            List<Refusal> refusals;
            try (ObjectReader reader = made.newReader()) {
                refusals = prepared.patchPolicy().check(reader, ObjectId.fromString(prepared.base()),
                        ObjectId.fromString(commit.get()), prepared.policy());
            }
            return new Work(prepared, result, commit, made, copy.stats(), refusals, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Work.without(prepared, null, "interrupted");
        } catch (IOException | RuntimeException e) {
            return Work.without(prepared, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Records the step's outcome and integrates its commit; goes on unless the step must escalate the run. */
    PhaseOutcome finish(RunState state, Work work) {
        Step step = work.prepared().step();
        StepRecord record = state.step(step.id());
        record.endedAt = Instant.now().toString();
        record.durationMillis += Duration.between(Instant.parse(record.startedAt), Instant.parse(record.endedAt)).toMillis();
        if (work.result() != null) {
            record.summary = work.result().summary();
            record.notes = new ArrayList<>(work.result().notes());
            record.usage = record.usage.plus(work.result().usage());
            work.result().refusals().forEach(r -> state.refuse(step.id() + " " + r));
        } else {
            record.summary = "the agent could not run: " + work.error();
        }
        record.summary = context.redactor().redact(record.summary);
        PhaseOutcome outcome = land(state, step, record, work);
        Redaction.file(context.runDir(state).resolve(record.log), context.redactor());
        new ToolTranscript(context.runDir(state), context.redactor()).append(state, record);
        return outcome;
    }

    private PhaseOutcome land(RunState state, Step step, StepRecord record, Work work) {
        if (work.result() == null || work.result().status() != AgentResult.Status.SUCCEEDED) {
            fail(step, record);
            return PhaseOutcome.go();
        }
        if (work.commit().isEmpty()) {
            record.status = StepRecord.Status.NO_CHANGE;
            context.progress("delegate: " + step.id() + " changed nothing — " + record.summary);
            return PhaseOutcome.go();
        }
        List<Refusal> refusals = work.refusals();
        if (!refusals.isEmpty()) {
            context.tree().deleteRef(stepRef(state.runId(), step.id())); // an earlier attempt's, if any
            refusals.forEach(r -> state.refuse(step.id() + ": " + r));
            sendBackOrFail(step, record, "was refused: " + refusals.get(0));
            return PhaseOutcome.go();
        }
        round.addAll(work.objects());
        Integrator.Result merged = new Integrator(context.tree().repository()).integrate(state.candidate(), work.commit().get(),
                round);
        if (!merged.merged()) {
            return sendBackOrEscalate(step, record, merged);
        }
        accept(state, step, record, work.stats(), merged.commit().get());
        return PhaseOutcome.go();
    }

    private void accept(RunState state, Step step, StepRecord record, ChangeStats stats, String commit) {
        record.commit = commit;
        record.files = new ArrayList<>(stats.files());
        record.insertions = stats.insertions();
        record.deletions = stats.deletions();
        record.status = StepRecord.Status.DELEGATED;
        record.retryNote = null;
        state.candidateAt(commit);
        candidateRef = candidateRef(state);
        context.progress("delegate: " + step.id() + " changed " + stats.files().size() + " file(s) (+"
                + stats.insertions() + " -" + stats.deletions() + ") in " + seconds(record.durationMillis)
                + tokens(record));
    }

    /**
     * Ends a round of landings: writes the round's objects to the repository as one pack and points the
     * candidate ref at the new candidate. Call it before the state that names the candidate is saved.
     */
    void endRound(RunState state) {
        try {
            round.write();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the merged steps to the repository", e);
        }
        if (candidateRef != null) {
            if (!context.tree().moveRef(candidateRef, candidateRefAt, state.candidate())) {
                throw new IllegalStateException(candidateRef + " was moved by someone else while the steps ran (it is at "
                        + context.tree().refCommit(candidateRef) + "); is another process working on run " + state.runId() + "?");
            }
            candidateRefAt = state.candidate();
            candidateRef = null;
            CrashPoints.reach("delegate.after-bring-back");
        }
    }

    private static String candidateRef(RunState state) {
        return "refs/orchestra/" + state.runId() + "/candidate";
    }

    private static String stepRef(String runId, String stepId) {
        return "refs/orchestra/" + runId + "/steps/" + stepId;
    }

    private void sendBackOrFail(Step step, StepRecord record, String violation) {
        String note = "it " + violation + ". Change only the files of your step"
                + (step.scope().isEmpty() ? "" : ": " + String.join(", ", step.scope())) + ", and nothing the policy protects.";
        if (!sendBackOnce(record, note, step.id() + " " + violation + "; sent back once")) {
            record.summary = violation;
            fail(step, record);
        }
    }

    private PhaseOutcome sendBackOrEscalate(Step step, StepRecord record, Integrator.Result merged) {
        String files = String.join(", ", merged.conflicts());
        String note = "it conflicted with changes that landed meanwhile in " + files + "; it runs again on the new base, which holds them.";
        if (sendBackOnce(record, note, step.id() + " conflicts in " + files + "; running it again on the new base")) {
            return PhaseOutcome.go();
        }
        record.status = StepRecord.Status.FAILED;
        record.summary = "conflicts in " + files + " after a re-run on the new base";
        return PhaseOutcome.escalate("step " + step.id() + " (" + step.agent() + ") conflicts in " + files
                + " with steps that landed before it, even after a re-run; a human must combine them", step.id());
    }

    /** Puts the step back to run again, with {@code note} for the agent, unless it was sent back before. */
    private boolean sendBackOnce(StepRecord record, String note, String progress) {
        if (record.sentBack > 0) {
            return false;
        }
        record.sentBack++;
        record.status = StepRecord.Status.PENDING;
        record.retryNote = note;
        context.progress("delegate: " + progress);
        return true;
    }

    /**
     * Marks the step failed. The run goes on: steps that do not need it still run, and what they produce lands and is
     * validated; the scheduler fails the run only when no step produced anything.
     */
    private void fail(Step step, StepRecord record) {
        record.status = StepRecord.Status.FAILED;
        context.progress("delegate: " + step.id() + " failed — " + record.summary);
    }

    /** The run's failure line for a failed step, with the path of its log. */
    static String failure(RunContext context, RunState state, StepRecord record) {
        return "step " + record.id + " (" + record.agent + ") failed: " + record.summary
                + " — log: " + context.runDir(state).resolve(record.log);
    }

    /** What the step's agent may know about the run: its base, the latest test results, the variables it gets. */
    private static AgentTask.RunFacts facts(RunState state, Step step) {
        String tests = null;
        if (state.validation() != null) {
            String failing = state.validation().comparison == null ? ""
                    : "\nnewly failing: " + String.join(", ", state.validation().comparison.newlyFailing());
            tests = state.validation().tests.summary() + failing;
        }
        return new AgentTask.RunFacts(state.baseCommit(), tests, PassedVariables.of(step, state.request().passEnv()));
    }

    static String seconds(long millis) {
        return dev.orchestra.engine.time.Durations.format(millis);
    }

    private static String tokens(StepRecord record) {
        long tokens = record.usage.inputTokens() + record.usage.outputTokens();
        return tokens == 0 ? "" : ", " + tokens + " tokens";
    }

    /** The run branch's commit messages and authors: one commit per step, with its id and agent. */
    static final class StepCommits {
        private StepCommits() {}

        /** The message, redacted and without control characters: the title and the summary may be the model's. */
        static String message(String runId, Step step, AgentResult result, SecretRedactor redactor) {
            String summary = ControlCharacters.strip(result.summary());
            String text = step.instructions().isBlank() ? summary : ControlCharacters.strip(step.instructions()).strip();
            String subject = CommitSubject.of(step.id(), text);
            String instructions = CommitSubject.holdsAll(subject, step.id(), text) || text.equals(summary) ? ""
                    : text + "\n\n";
            return redactor.redact(subject + "\n\n" + instructions + summary + "\n\n") + "Orchestra-Run: " + runId
                    + "\nOrchestra-Step: " + step.id() + "\nOrchestra-Agent: " + step.agent() + "\n";
        }

        static PersonIdent author(Step step) {
            return new PersonIdent("Orchestra (" + step.agent() + ")", "orchestra@localhost");
        }
    }
}
