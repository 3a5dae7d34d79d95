package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.Phase;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The delegate phase over the plan's graph: ready steps run at once, each in its own copy, up to
 * {@code jobs} at a time; two steps whose files may overlap never run together; a dependent starts
 * as soon as the steps it needs have landed on the candidate. All state changes happen on the
 * orchestrator's thread; workers only run agents in their copies.
 */
final class Scheduler {
    private static final Set<StepRecord.Status> SETTLED =
            EnumSet.of(StepRecord.Status.DELEGATED, StepRecord.Status.LANDED, StepRecord.Status.NO_CHANGE);
    private static final long REPORT_EVERY_SECONDS = 2;

    private final RunContext context;
    private final StepRunner runner;
    private final int jobs;

    Scheduler(RunContext context, int jobs) {
        this.context = context;
        this.runner = new StepRunner(context);
        this.jobs = Math.max(1, jobs);
    }

    /** Advances to integrate when every step settled; otherwise says why the run stops. */
    PhaseOutcome run(RunState state) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
            Thread thread = new Thread(task, "orchestra-step");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<StepRunner.Work> done = new ExecutorCompletionService<>(pool);
        Map<String, StepBoard.Running> running = new LinkedHashMap<>();
        PhaseOutcome stop = PhaseOutcome.go();
        try {
            while (true) {
                if (!stop.stops()) {
                    start(state, running, done);
                }
                if (running.isEmpty()) {
                    break;
                }
                context.board(StepBoard.line(state, running, context.ledger()));
                // Every step that is done by now lands in this round; the state is saved once for all.
                for (StepRunner.Work work = next(state, done, running); work != null; work = done(done)) {
                    running.remove(work.prepared().step().id());
                    if (!stop.stops()) {
                        stop = BudgetStop.check(context.ledger(), runner.finish(state, work));
                    }
                }
                runner.endRound(state);
                context.store().save(state);
            }
        } finally {
            pool.shutdownNow();
        }
        return stop.stops() ? stop : allSettled(state);
    }

    private void start(RunState state, Map<String, StepBoard.Running> running, CompletionService<StepRunner.Work> done) {
        List<StepRunner.Prepared> started = new ArrayList<>();
        for (Step step : ready(state, running.keySet())) {
            if (running.size() + started.size() >= jobs) {
                break;
            }
            started.add(runner.prepare(state, step));
        }
        if (started.isEmpty()) {
            return;
        }
        context.store().save(state); // once for all the steps that start now, before any of them runs
        for (StepRunner.Prepared prepared : started) {
            running.put(prepared.step().id(), new StepBoard.Running(System.nanoTime(),
                    context.ledger().stepTokens(prepared.step().id())));
            done.submit(() -> StepRunner.work(prepared));
        }
    }

    /** Steps whose needs have landed and whose files overlap no running step's, in plan order. */
    private static List<Step> ready(RunState state, Set<String> running) {
        List<Step> ready = new ArrayList<>();
        List<Step> busy = new ArrayList<>(state.plan().steps().stream().filter(s -> running.contains(s.id())).toList());
        for (Step step : state.plan().steps()) {
            StepRecord record = state.step(step.id());
            boolean waiting = record.status == StepRecord.Status.PENDING || record.status == StepRecord.Status.RUNNING;
            if (!waiting || running.contains(step.id())) {
                continue;
            }
            boolean needsLanded = step.needs().stream().allMatch(need -> SETTLED.contains(state.step(need).status));
            if (needsLanded && busy.stream().noneMatch(other -> Claims.overlap(step, other))) {
                ready.add(step);
                busy.add(step);
            }
        }
        return ready;
    }

    private StepRunner.Work next(RunState state, CompletionService<StepRunner.Work> done, Map<String, StepBoard.Running> running) {
        try {
            while (true) {
                Future<StepRunner.Work> future = done.poll(REPORT_EVERY_SECONDS, TimeUnit.SECONDS);
                if (future != null) {
                    return result(future);
                }
                context.board(StepBoard.line(state, running, context.ledger()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while steps were running", e);
        }
    }

    /** A step that is already done, without waiting; null when none is. */
    private static StepRunner.Work done(CompletionService<StepRunner.Work> done) {
        Future<StepRunner.Work> future = done.poll();
        return future == null ? null : result(future);
    }

    private static StepRunner.Work result(Future<StepRunner.Work> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while steps were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step's worker failed", e.getCause());
        }
    }

    /**
     * Advances when every step settled, failed, or cannot run because a step it needs failed; fails the run when
     * a step failed and no step of the run produced anything, or when a step could never start.
     */
    private PhaseOutcome allSettled(RunState state) {
        Set<String> blocked = blockedByFailures(state);
        List<String> stuck = state.steps().stream().filter(s -> !SETTLED.contains(s.status)
                && s.status != StepRecord.Status.FAILED && !blocked.contains(s.id)).map(s -> s.id).toList();
        if (!stuck.isEmpty()) {
            return PhaseOutcome.fail("steps that could never start: " + String.join(", ", stuck));
        }
        blocked.forEach(id -> state.step(id).summary = "not run: a step it needs failed");
        StepRecord failed = state.steps().stream().filter(s -> s.status == StepRecord.Status.FAILED
                && s.fixIteration == state.fixIterations()).findFirst().orElse(null);
        boolean produced = state.steps().stream().anyMatch(s -> s.status == StepRecord.Status.DELEGATED
                || s.status == StepRecord.Status.LANDED);
        if (failed != null && !produced) {
            return PhaseOutcome.fail(StepRunner.failure(context, state, failed), failed.id);
        }
        return PhaseOutcome.advance(Phase.INTEGRATE);
    }

    /** Pending steps that need, directly or through others, a step that failed. */
    private static Set<String> blockedByFailures(RunState state) {
        Set<String> blocked = new java.util.HashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Step step : state.plan().steps()) {
                StepRecord record = state.step(step.id());
                boolean needsFailed = step.needs().stream().anyMatch(n -> blocked.contains(n)
                        || state.step(n).status == StepRecord.Status.FAILED);
                if (record.status == StepRecord.Status.PENDING && needsFailed && blocked.add(step.id())) {
                    grew = true;
                }
            }
        }
        return blocked;
    }
}
