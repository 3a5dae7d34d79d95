package dev.orchestra.engine.run;

import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line that shows where every step stands: done, running (with elapsed time and the tokens of its
 * model calls so far), waiting, failed. A terminal redraws it in place; a CI log gets it as a plain line on each change.
 */
final class StepBoard {
    private StepBoard() {}

    /** A step that is running: since when ({@link System#nanoTime()}), and its tokens in the meter then. */
    record Running(long startedNanos, long tokensBefore) {}

    static String line(RunState state, Map<String, Running> running, SpendLedger meter) {
        int done = 0;
        int waiting = 0;
        int failed = 0;
        for (StepRecord step : state.steps()) {
            switch (step.status) {
                case DELEGATED, LANDED, NO_CHANGE -> done++;
                case FAILED -> failed++;
                case PENDING, RUNNING -> waiting += running.containsKey(step.id) ? 0 : 1;
            }
        }
        List<String> parts = new ArrayList<>();
        running.forEach((id, started) -> {
            long tokens = meter.stepTokens(id) - started.tokensBefore();
            parts.add(id + " " + StepRunner.seconds((System.nanoTime() - started.startedNanos()) / 1_000_000)
                    + (tokens > 0 ? " " + tokens + " tok" : ""));
        });
        return "steps: " + done + " done, " + running.size() + " running" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + ", " + waiting + " waiting, " + failed + " failed";
    }
}
