package dev.orchestra.engine.plan;

import java.util.List;

/**
 * A validated plan: a named DAG of steps. Comes from a workflow file or, later, from the orchestrator
 * model; either way it is what the {@code plan} gate shows.
 *
 * @param name short name (the workflow's name)
 * @param description one paragraph for humans
 * @param steps the steps, in a valid topological order
 */
public record Plan(String name, String description, List<Step> steps) {
    public Plan {
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
    }

    /** The step with this id, or null. */
    public Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
