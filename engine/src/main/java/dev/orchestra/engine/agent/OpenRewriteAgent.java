package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.process.ProcessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code openrewrite} agent: runs OpenRewrite recipes ({@code recipes:}, from {@code artifacts:})
 * through the project's own Maven and the {@code rewrite-maven-plugin}, which edits the copy in place.
 * OpenRewrite is never bundled: Maven fetches the plugin and the recipe artifacts.
 */
public final class OpenRewriteAgent extends MavenAgent {
    /** The agent's name in plans and workflows. */
    public static final String NAME = "openrewrite";
    /** The rewrite-maven-plugin version used unless a step sets {@code plugin-version}. */
    public static final String PLUGIN_VERSION = "6.46.1";

    private static final String RECIPE = "[A-Za-z0-9_$.-]+";
    private static final String COORDINATES = "[A-Za-z0-9_.-]+(:[A-Za-z0-9_.+-]+){2,4}";
    private static final String OPTION = "[A-Za-z][A-Za-z0-9.]*";

    private final List<String> recipes;
    private final List<String> artifacts;
    private final Map<String, String> options;
    private final String pluginVersion;

    public OpenRewriteAgent(MavenLocator maven, List<String> recipes, List<String> artifacts,
            Map<String, String> options, String pluginVersion) {
        super(maven);
        this.recipes = List.copyOf(recipes);
        this.artifacts = List.copyOf(artifacts);
        this.options = Map.copyOf(options);
        this.pluginVersion = pluginVersion;
    }

    static AgentFactory factory(MavenLocator maven) {
        return AgentFactory.of(NAME, Set.of("recipes", "artifacts", "options", "plugin-version"),
                step -> fromStep(maven, step));
    }

    private static OpenRewriteAgent fromStep(MavenLocator maven, Step step) {
        StepParams params = new StepParams(step);
        List<String> recipes = checked(params, "recipes", params.strings("recipes", true), RECIPE);
        List<String> artifacts = checked(params, "artifacts", params.strings("artifacts", false), COORDINATES);
        Map<String, String> options = params.map("options");
        checked(params, "options", List.copyOf(options.keySet()), OPTION);
        String version = params.string("plugin-version").orElse(PLUGIN_VERSION);
        checked(params, "plugin-version", List.of(version), "[A-Za-z0-9_.-]+");
        return new OpenRewriteAgent(maven, recipes, artifacts, options, version);
    }

    private static List<String> checked(StepParams params, String name, List<String> values, String pattern) {
        values.stream().filter(v -> !v.matches(pattern)).findFirst().ifPresent(v -> {
            throw params.bad("parameter '" + name + "' has an invalid entry '" + v + "'");
        });
        return values;
    }

    @Override
    String tool() {
        return "OpenRewrite";
    }

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("-B", "-e",
                "org.openrewrite.maven:rewrite-maven-plugin:" + pluginVersion + ":run",
                "-Drewrite.activeRecipes=" + String.join(",", recipes)));
        if (!artifacts.isEmpty()) {
            args.add("-Drewrite.recipeArtifactCoordinates=" + String.join(",", artifacts));
        }
        options.forEach((name, value) -> args.add("-Drewrite." + name + "=" + value));
        return args;
    }

    @Override
    AgentResult interpret(ProcessResult result, MavenLog log, AgentTask task) {
        if (result.exitCode() != 0) {
            return AgentResult.failed(OneLine.of("OpenRewrite failed (exit code " + result.exitCode() + "): "
                    + log.failureReason()), Usage.oneToolRun());
        }
        List<Note> notes = RewriteChanges.notes(log.lines());
        String changed = notes.isEmpty() ? "changed no file" : "changed " + notes.size() + " file(s)";
        return AgentResult.succeeded(OneLine.of("OpenRewrite ran " + String.join(", ", recipes) + ": " + changed),
                notes, Usage.oneToolRun());
    }
}
