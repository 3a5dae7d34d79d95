package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {
    private final AgentRegistry registry = AgentRegistry.withToolAgents(new MavenLocator(Map.of(), Path.of("/nowhere")));

    @Test
    void offersTheToolAgents() {
        assertThat(registry.names()).containsExactly("command", "openrewrite", "static-analysis");
    }

    @Test
    void aWellFormedStepHasNoProblems() {
        assertThat(registry.problems(step("command", Map.of("run", "./mvnw -B test", "timeout", "1h30m")))).isEmpty();
        assertThat(registry.problems(step("openrewrite", Map.of(
                "recipes", List.of("org.openrewrite.java.testing.junit5.JUnit4to5Migration"),
                "artifacts", List.of("org.openrewrite.recipe:rewrite-testing-frameworks:3.44.0"),
                "options", Map.of("exclusions", "**/generated/**"))))).isEmpty();
        assertThat(registry.problems(step("static-analysis", Map.of()))).isEmpty();
    }

    @Test
    void namesTheMissingRequiredParameter() {
        assertThat(registry.problems(step("command", Map.of())))
                .containsExactly("step 's1' (command): missing required parameter 'run'");
        assertThat(registry.problems(step("openrewrite", Map.of("recipes", List.of()))))
                .containsExactly("step 's1' (openrewrite): missing required parameter 'recipes' (a list)");
    }

    @Test
    void rejectsIllFormedParameters() {
        assertThat(registry.problems(step("command", Map.of("run", "make", "timeout", "ten minutes"))))
                .containsExactly("step 's1' (command): parameter 'timeout' must be a duration like 30s, 10m or 1h,"
                        + " not 'ten minutes'");
        assertThat(registry.problems(step("openrewrite", Map.of("recipes", "a.B", "artifacts", List.of("junit")))))
                .containsExactly("step 's1' (openrewrite): parameter 'artifacts' has an invalid entry 'junit'");
        assertThat(registry.problems(step("command", Map.of("run", "make", "timout", "1m"))))
                .containsExactly("step 's1' (command): unknown parameter 'timout' (known: network, run, timeout)");
        assertThat(registry.problems(step("command", Map.of("run", "make", "network", "yes please"))))
                .containsExactly("step 's1' (command): parameter 'network' must be true or false, not 'yes please'");
    }

    @Test
    void unknownAgentIsBadInputNamingTheKnownOnes() {
        Step step = step("formatter", Map.of());

        assertThat(registry.problems(step))
                .containsExactly("step 's1': unknown agent 'formatter' (known: command, openrewrite, static-analysis)");
        assertThatThrownBy(() -> registry.create(step)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown agent 'formatter'");
    }

    @Test
    void mavenAgentWithoutMavenFailsWithAdvice() throws Exception {
        Agent agent = registry.create(step("static-analysis", Map.of()));
        Path dir = java.nio.file.Files.createTempDirectory("no-maven");
        AgentTask task = new AgentTask("s1", "", Map.of(), List.of(), dir, dir.resolve("log"),
                java.time.Duration.ofMinutes(1));

        AgentResult result = agent.run(task);

        assertThat(result.status()).isEqualTo(AgentResult.Status.FAILED);
        assertThat(result.summary()).contains("no Maven found: install Maven 3.8+");
    }

    private static Step step(String agent, Map<String, Object> with) {
        return new Step("s1", agent, "", null, null, with, null);
    }
}
