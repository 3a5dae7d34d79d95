package dev.orchestra.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line that shows where every step stands: done, running (with elapsed time and tokens so far),
 * waiting, failed. A terminal redraws it in place; a CI log gets it as a plain line on each change.
 */
final class StepBoard {
    private StepBoard() {}

    static String line(RunState state, Map<String, Long> running) {
        int done = 0;
        int waiting = 0;
        int failed = 0;
        for (StepRecord step : state.steps) {
            switch (step.status) {
                case DELEGATED, LANDED, NO_CHANGE -> done++;
                case FAILED -> failed++;
                case PENDING, RUNNING -> waiting += running.containsKey(step.id) ? 0 : 1;
            }
        }
        List<String> parts = new ArrayList<>();
        running.forEach((id, started) -> {
            StepRecord record = state.step(id);
            long tokens = record.usage.inputTokens() + record.usage.outputTokens();
            parts.add(id + " " + StepRunner.seconds((System.nanoTime() - started) / 1_000_000)
                    + (tokens > 0 ? " " + tokens + " tok" : ""));
        });
        return "steps: " + done + " done, " + running.size() + " running" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + ", " + waiting + " waiting, " + failed + " failed";
    }
}
