package dev.orchestra.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan: the agent that does it, what it is told, the files it may touch, the steps it
 * waits for, agent-specific parameters, and how we know it worked.
 *
 * @param id unique within the plan; letters, digits, '-' and '_'
 * @param agent name of a registered agent ({@code command}, {@code openrewrite}, {@code static-analysis}, ...)
 * @param instructions free text for the agent (may be empty for tool agents)
 * @param scope path globs the step may write; empty means the run's write scope
 * @param needs ids of steps that must land before this one starts
 * @param with agent-specific parameters, as written in the workflow
 * @param acceptance how the step is checked (free text; may be empty for tool steps)
 * @param env environment variables the step's agent needs beyond the harmless ones (a workflow's {@code env:});
 *     it gets them only when the operator passes them too ({@code --pass-env})
 */
public record Step(
        String id,
        String agent,
        String instructions,
        List<String> scope,
        List<String> needs,
        Map<String, Object> with,
        String acceptance,
        List<String> env) {

    public Step {
        env = env == null ? List.of() : List.copyOf(env);
        instructions = instructions == null ? "" : instructions;
        scope = scope == null ? List.of() : List.copyOf(scope);
        needs = needs == null ? List.of() : List.copyOf(needs);
        with = with == null ? Map.of() : Map.copyOf(with);
        acceptance = acceptance == null ? "" : acceptance;
    }

    /** A step whose agent needs no variable beyond the harmless ones. */
    public Step(String id, String agent, String instructions, List<String> scope, List<String> needs,
                Map<String, Object> with, String acceptance) {
        this(id, agent, instructions, scope, needs, with, acceptance, List.of());
    }
}
