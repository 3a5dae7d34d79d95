package dev.orchestra.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.workflow.FixedAgentCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan built in code (as the orchestrator model will build one) is held to the workflow rules. */
class PlanValidatorTest {
    private final FixedAgentCatalog agents = new FixedAgentCatalog();

    @Test
    void acceptsAGoodPlan() {
        Plan plan = new Plan("ok", "", List.of(step("build", "command", List.of(), Map.of("run", "make")),
                step("lint", "static-analysis", List.of("build"), Map.of())));

        assertThat(PlanValidator.problems(plan, agents)).isEmpty();
    }

    @Test
    void listsEveryProblemOfAPlanOneLineEach() {
        Plan plan = new Plan("", "", List.of(
                step("fix", "robot", List.of(), Map.of()),
                step("fix", "static-analysis", List.of("compile"), Map.of()),
                new Step("bad/id", "command", "", List.of("../outside", "C:\\work"), List.of(),
                        Map.of("run", "make"), "")));

        assertThat(PlanValidator.problems(plan, agents)).containsExactly(
                "the plan has no name",
                "step 'fix': unknown agent 'robot'; known agents: command, openrewrite, static-analysis",
                "duplicate step id 'fix', first used by step 1",
                "step id 'bad/id' may only use letters, digits, '-' and '_'",
                "step 'bad/id': scope glob '../outside' leaves the repository ('..'); write it relative to the"
                        + " repository root",
                "step 'bad/id': scope glob 'C:\\work' is absolute; write it relative to the repository root",
                "step 'fix' needs unknown step 'compile'; steps are: fix");
    }

    @Test
    void reportsTheAgentsOwnRequirements() {
        Plan plan = new Plan("p", "", List.of(step("migrate", "openrewrite", List.of(), Map.of())));

        assertThat(PlanValidator.problems(plan, agents))
                .containsExactly("step 'migrate' (agent openrewrite): 'with.recipes' must list at least one recipe");
    }

    @Test
    void namesTheStepsOfACycle() {
        Plan plan = new Plan("p", "", List.of(step("a", "static-analysis", List.of("b"), Map.of()),
                step("b", "static-analysis", List.of("a"), Map.of())));

        assertThat(PlanValidator.problems(plan, agents))
                .containsExactly("dependency cycle: a -> b -> a (each step needs the next, so none can start)");
    }

    @Test
    void ordersAModelPlanSoEachStepComesAfterItsNeedsKeepingTheRestInPlace() {
        Plan plan = new Plan("p", "", List.of(step("test", "static-analysis", List.of("code"), Map.of()),
                step("docs", "static-analysis", List.of(), Map.of()),
                step("code", "static-analysis", List.of(), Map.of())));

        assertThat(StepOrder.sorted(plan).steps()).extracting(Step::id).containsExactly("docs", "code", "test");
    }

    private static Step step(String id, String agent, List<String> needs, Map<String, Object> with) {
        return new Step(id, agent, "", List.of(), needs, with, "");
    }
}
