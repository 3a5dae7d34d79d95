package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.Agent;
import dev.orchestra.engine.agent.AgentResult;
import dev.orchestra.engine.agent.AgentTask;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.workspace.ChangeStats;
import dev.orchestra.engine.workspace.IsolatedCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The delegate phase for one step: an isolated copy at the candidate commit, the agent run in it,
 * its changes committed there and brought back as the step's commit on top of the candidate.
 */
final class StepRunner {
    private final RunContext context;

    StepRunner(RunContext context) {
        this.context = context;
    }

    /** True when the step succeeded (with or without a change); false when the run failed. */
    boolean run(RunState state, Step step) {
        StepRecord record = state.step(step.id());
        begin(state, record);
        context.progress("delegate: " + step.id() + " (" + step.agent() + ") …");
        Path runDir = context.runDir(state);
        Path log = runDir.resolve("logs").resolve(step.id() + ".log");
        record.log = runDir.relativize(log).toString().replace('\\', '/');
        try (IsolatedCopy copy = IsolatedCopy.create(context.tree().repository(), state.candidate,
                context.copiesDir(), state.runId + "-" + step.id())) {
            Agent agent = context.agents().create(step);
            AgentTask task = new AgentTask(step.id(), step.instructions(), params(state, step), step.scope(),
                    copy.dir(), log, Duration.ofSeconds(state.stepTimeoutSeconds));
            AgentResult result = agent.run(task);
            CrashPoints.reach("delegate.after-agent");
            record.summary = result.summary();
            record.notes = new ArrayList<>(result.notes());
            record.usage = result.usage();
            boolean ok = result.status() == AgentResult.Status.SUCCEEDED && land(state, step, record, copy);
            end(state, record);
            new ToolTranscript(context.runDir(state)).append(state, record);
            if (!ok) {
                fail(state, step, record);
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException("step " + step.id() + ": cannot prepare its isolated copy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during step " + step.id(), e);
        }
    }

    private boolean land(RunState state, Step step, StepRecord record, IsolatedCopy copy) throws IOException {
        Optional<String> commit = copy.commitChanges(commitMessage(state, step, record), ident(step));
        if (commit.isEmpty()) {
            record.status = StepRecord.Status.NO_CHANGE;
            context.progress("delegate: " + step.id() + " changed nothing — " + record.summary);
            return true;
        }
        ChangeStats stats = copy.stats();
        Optional<String> violation = new ScopeCheck(step).firstViolation(stats.files());
        if (violation.isPresent()) {
            record.summary = violation.get();
            record.status = StepRecord.Status.FAILED;
            return false;
        }
        copy.bringBack(context.tree().repository(), "refs/orchestra/" + state.runId + "/steps/" + step.id());
        record.commit = commit.get();
        record.files = new ArrayList<>(stats.files());
        record.insertions = stats.insertions();
        record.deletions = stats.deletions();
        record.status = StepRecord.Status.DELEGATED;
        state.candidate = commit.get();
        context.tree().setRef("refs/orchestra/" + state.runId + "/candidate", state.candidate);
        CrashPoints.reach("delegate.after-bring-back");
        context.progress("delegate: " + step.id() + " changed " + stats.files().size() + " files (+"
                + stats.insertions() + " -" + stats.deletions() + ")");
        return true;
    }

    /** The step's parameters, plus what model agents may read: the run's base and the latest test results. */
    private static Map<String, Object> params(RunState state, Step step) {
        Map<String, Object> params = new LinkedHashMap<>(step.with());
        params.put("orchestra.base", state.baseCommit);
        if (state.validation != null) {
            String failing = state.validation.comparison == null ? ""
                    : "\nnewly failing: " + String.join(", ", state.validation.comparison.newlyFailing());
            params.put("orchestra.tests", Validations.describe(state.validation.tests) + failing);
        }
        return params;
    }

    private void begin(RunState state, StepRecord record) {
        record.status = StepRecord.Status.RUNNING;
        record.attempts++;
        record.startedAt = Instant.now().toString();
        context.store().save(state);
    }

    private void end(RunState state, StepRecord record) {
        record.endedAt = Instant.now().toString();
        record.durationMillis = Duration.between(Instant.parse(record.startedAt), Instant.parse(record.endedAt)).toMillis();
        if (record.status == StepRecord.Status.RUNNING) {
            record.status = StepRecord.Status.FAILED;
        }
    }

    private void fail(RunState state, Step step, StepRecord record) {
        state.status = RunStatus.FAILED;
        state.failedStep = step.id();
        state.failure = "step " + step.id() + " (" + step.agent() + ") failed: " + record.summary
                + " — log: " + context.runDir(state).resolve(record.log);
    }

    private static String commitMessage(RunState state, Step step, StepRecord record) {
        String title = step.instructions().isBlank() ? record.summary : step.instructions().lines().findFirst().orElse("");
        return step.id() + ": " + title + "\n\n" + record.summary + "\n\n"
                + "Orchestra-Run: " + state.runId + "\nOrchestra-Step: " + step.id() + "\nOrchestra-Agent: " + step.agent() + "\n";
    }

    private static PersonIdent ident(Step step) {
        return new PersonIdent("Orchestra (" + step.agent() + ")", "orchestra@localhost");
    }
}
