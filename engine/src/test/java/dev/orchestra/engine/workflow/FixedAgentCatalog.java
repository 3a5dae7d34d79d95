package dev.orchestra.engine.workflow;

import dev.orchestra.engine.plan.AgentCatalog;
import dev.orchestra.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The tool agents Orchestra ships, with the parameters each one requires; a real catalog for tests. */
public final class FixedAgentCatalog implements AgentCatalog {
    @Override
    public Set<String> names() {
        return Set.of("command", "openrewrite", "static-analysis");
    }

    @Override
    public List<String> problems(Step step) {
        List<String> problems = new ArrayList<>();
        if (step.agent().equals("command") && !(step.with().get("run") instanceof String)) {
            problems.add("'with.run' must be the command line to run");
        }
        if (step.agent().equals("openrewrite") && !(step.with().get("recipes") instanceof List<?> recipes
                && !recipes.isEmpty())) {
            problems.add("'with.recipes' must list at least one recipe");
        }
        return problems;
    }
}
