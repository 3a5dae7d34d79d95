package dev.orchestra.bench.migrate;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.agent.OpenRewriteAgent;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.workflow.WorkflowCatalog;
import dev.orchestra.engine.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The recipe the shipped workflow runs, read from the workflow itself so that the plain way runs exactly
 * what Orchestra runs: its recipes, their artifacts, and the rewrite-maven-plugin version of the agent.
 */
record ShippedRecipe(String workflow, List<String> recipes, List<String> artifacts, String pluginVersion) {
    static ShippedRecipe of(String workflow) {
        Plan plan = new WorkflowCatalog(Path.of("."), new WorkflowLoader(AgentRegistry.withToolAgents(MavenLocator.fromSystem())))
                .resolve(workflow);
        Step step = plan.steps().stream().filter(s -> s.agent().equals(OpenRewriteAgent.NAME)).findFirst()
                .orElseThrow(() -> new IllegalStateException("workflow " + workflow + " has no openrewrite step"));
        Object version = step.with().getOrDefault("plugin-version", OpenRewriteAgent.PLUGIN_VERSION);
        return new ShippedRecipe(workflow, strings(step.with().get("recipes")), strings(step.with().get("artifacts")),
                version.toString());
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The Maven arguments of {@code rewrite:run}, as a user types them. */
    List<String> mavenArguments() {
        return List.of("-B", "org.openrewrite.maven:rewrite-maven-plugin:" + pluginVersion + ":run",
                "-Drewrite.activeRecipes=" + String.join(",", recipes),
                "-Drewrite.recipeArtifactCoordinates=" + String.join(",", artifacts));
    }
}
