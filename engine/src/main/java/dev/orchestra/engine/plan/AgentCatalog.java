package dev.orchestra.engine.plan;

import dev.orchestra.engine.plan.Step;
import java.util.List;
import java.util.Set;

/** The agents a plan may name, and what each needs from a step; used to validate plans before use. */
public interface AgentCatalog {
    /** Names a plan may use in a step's {@code agent} field. */
    Set<String> names();

    /** What is wrong with this step for its agent (missing or ill-typed parameters); empty when fine. */
    List<String> problems(Step step);
}
