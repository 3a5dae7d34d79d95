package dev.orchestra.engine.run;

import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.ValidationRecord;
import dev.orchestra.engine.validate.BuildFailure;
import dev.orchestra.engine.validate.CommandValidation;
import dev.orchestra.engine.validate.TestComparisons;
import dev.orchestra.engine.workspace.IsolatedCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The validation hook: the project's own tests, run before any change (baseline) and on the run
 * branch (final), either as a command here or outside the engine (the run then waits, exit 11).
 */
final class Validations {
    private final RunContext context;

    Validations(RunContext context) {
        this.context = context;
    }

    /** Goes on when the validation of {@code kind} is recorded (or there is none); otherwise the run waits or fails. */
    PhaseOutcome run(RunState state, String kind, String commit) {
        ValidationRecord existing = kind.equals("baseline") ? state.baseline() : state.validation();
        if (existing != null && commit.equals(existing.commit)) {
            return PhaseOutcome.go();
        }
        RunRequest request = state.request();
        if (request.externalValidation()) {
            state.checkoutPending(null);
            context.progress("validate: waiting for the " + kind + " validation hook to run outside the engine");
            return PhaseOutcome.waitForValidation(kind);
        }
        if (request.validateCommand() == null || request.validateCommand().isBlank()) {
            context.progress("validate: no validation hook configured; skipping the " + kind + " run");
            return PhaseOutcome.go();
        }
        context.progress("validate: " + kind + " — " + request.validateCommand());
        ValidationRecord record = new ValidationRecord(kind, request.validateCommand(), commit);
        runCommand(state, kind, commit, record);
        Redaction.file(context.runDir(state).resolve(record.log == null ? "logs/" + kind + "-validation.log" : record.log),
                context.redactor());
        Redaction.folder(context.runDir(state).resolve("tests").resolve(kind), context.redactor());
        CrashPoints.reach("validate." + kind + ".after-command");
        record.reportsDir = "tests/" + kind;
        record.log = "logs/" + kind + "-validation.log";
        store(state, kind, record);
        context.progress("validate: " + kind + " — " + record.tests.summary());
        return timedOut(kind, record);
    }

    /** A validation killed at its time limit fails the run: its results say nothing about the change. */
    private static PhaseOutcome timedOut(String kind, ValidationRecord record) {
        if (!record.tests.timedOut()) {
            return PhaseOutcome.go();
        }
        return PhaseOutcome.fail("the " + kind + " validation timed out after " + record.tests.timedOutAfterSeconds()
                + " s (see " + record.log + "); raise --step-timeout or make the tests faster");
    }

    private void runCommand(RunState state, String kind, String commit, ValidationRecord record) {
        Duration timeout = state.request().stepTimeout();
        try {
            if (!state.request().leaveWorkingTree()) {
                runIn(context.tree().dir(), state, kind, timeout, record);
                return;
            }
            try (IsolatedCopy copy = IsolatedCopy.create(context.tree().repository(), commit,
                    context.copiesDir(), state.runId() + "-validate-" + kind)) {
                runIn(copy.dir(), state, kind, timeout, record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the validation command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during validation", e);
        }
    }

    /** Runs the command in {@code dir}; a build that fails is read from the part of the log this run wrote. */
    private void runIn(Path dir, RunState state, String kind, Duration timeout, ValidationRecord record)
            throws IOException, InterruptedException {
        Path runDir = context.runDir(state);
        Path log = runDir.resolve("logs").resolve(kind + "-validation.log");
        long offset = Files.isRegularFile(log) ? Files.size(log) : 0;
        record.tests = new CommandValidation(dir, state.request().junitGlobs(), timeout)
                .run(state.request().validateCommand(), log, runDir.resolve("tests").resolve(kind));
        record.build = record.tests.exitCode() == 0 ? null : BuildFailure.read(log, offset, dir);
    }

    /** Records the outcome of a hook that ran outside the engine (e.g. a Jenkins Pipeline body). */
    void recordExternal(RunState state, Orchestrator.ExternalValidation outcome) {
        String kind = state.waitingFor();
        Path runDir = context.runDir(state);
        List<String> globs = outcome.junitGlobs().isEmpty() ? state.request().junitGlobs() : outcome.junitGlobs();
        Instant since = Instant.parse(state.waitingSince());
        String commit = kind.equals("baseline") ? state.baseCommit() : context.tree().branchCommit(state.runBranch());
        ValidationRecord record = new ValidationRecord(kind, "external", commit);
        long waited = Math.max(0, Duration.between(since, Instant.now()).toMillis());
        try {
            record.tests = CommandValidation.fromHook(outcome.exitCode(), context.tree().dir(), globs, since,
                    runDir.resolve("tests").resolve(kind), waited);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reports of the " + kind + " validation", e);
        }
        record.reportsDir = "tests/" + kind;
        Redaction.folder(runDir.resolve("tests").resolve(kind), context.redactor());
        store(state, kind, record);
        context.progress("validate: " + kind + " (external) — " + record.tests.summary());
    }

    private void store(RunState state, String kind, ValidationRecord record) {
        if (!kind.equals("baseline") && state.baseline() != null) {
            record.comparison = TestComparisons.compare(state.baseline().tests, record.tests);
        }
        state.recordValidation(record);
    }

    String summary(RunState state) {
        if (state.validation() == null) {
            return "No validation hook ran.";
        }
        String before = state.baseline() == null ? "no baseline" : state.baseline().tests.summary();
        return "Tests before: " + before + "\nTests after: " + state.validation().tests.summary();
    }

}
