package dev.orchestra.engine.plan;

/**
 * One thing wrong with a plan, located by step and key so that a workflow loader can point at the line.
 *
 * @param step index of the step in the plan's list, or -1 for the plan itself
 * @param key what is wrong in the step: {@code id}, {@code agent}, {@code needs.0}, {@code scope.1},
 *     {@code with}, or empty for the step as a whole; for the plan: {@code name} or {@code steps}
 * @param message one line, readable on its own
 * @param related index of another step involved (the first one with a duplicate id), or -1
 */
public record PlanProblem(int step, String key, String message, int related) {
    public PlanProblem(int step, String key, String message) {
        this(step, key, message, -1);
    }
}
