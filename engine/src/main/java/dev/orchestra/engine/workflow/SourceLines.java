package dev.orchestra.engine.workflow;

import dev.orchestra.engine.plan.PlanProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each part of a workflow was written, so that a plan problem can name its line. */
final class SourceLines {
    private final int documentLine;
    private final Map<String, Integer> workflow = new HashMap<>();
    private final List<Map<String, Integer>> steps = new ArrayList<>();

    SourceLines(int documentLine) {
        this.documentLine = documentLine;
    }

    Map<String, Integer> workflow() {
        return workflow;
    }

    /** A new table for the next step, keyed {@code ""} (the step), {@code id}, {@code needs.0}... */
    Map<String, Integer> nextStep() {
        Map<String, Integer> lines = new HashMap<>();
        steps.add(lines);
        return lines;
    }

    /** The most precise line known for the problem: its item, else its key, else its step. */
    int of(PlanProblem problem) {
        return of(problem.step(), problem.key());
    }

    int ofStepId(int step) {
        return of(step, "id");
    }

    private int of(int step, String key) {
        Map<String, Integer> lines = step < 0 || step >= steps.size() ? workflow : steps.get(step);
        Integer line = lines.get(key);
        if (line == null && key.contains(".")) {
            line = lines.get(key.substring(0, key.indexOf('.')));
        }
        if (line == null) {
            line = lines.get("");
        }
        return line != null ? line : documentLine;
    }
}
