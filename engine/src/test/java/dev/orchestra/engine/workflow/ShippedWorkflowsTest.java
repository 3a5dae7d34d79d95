package dev.orchestra.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.PlanValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflows in examples/workflows, as a user gets them from the jar. */
class ShippedWorkflowsTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "workflows");

    @TempDir
    Path repo;

    private final FixedAgentCatalog agents = new FixedAgentCatalog();

    @Test
    void theIndexListsExactlyTheExampleWorkflows() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }

        assertThat(catalog().shipped()).isNotEmpty().containsExactlyElementsOf(files);
    }

    @Test
    void everyShippedWorkflowLoadsAndIsValid() {
        for (String name : catalog().shipped()) {
            Plan plan = catalog().resolve(name);

            assertThat(plan.name()).as("name of %s", name).isEqualTo(name);
            assertThat(plan.description()).as("description of %s", name).isNotBlank();
            assertThat(PlanValidator.problems(plan, agents)).as("problems of %s", name).isEmpty();
        }
    }

    @Test
    void junitMigrationRunsTheRecipeThenLintsTheResult() {
        Plan plan = catalog().resolve("junit4-to-junit5");

        assertThat(plan.step("migrate").agent()).isEqualTo("openrewrite");
        assertThat(plan.step("migrate").with().get("artifacts"))
                .isEqualTo(List.of("org.openrewrite.recipe:rewrite-testing-frameworks:3.44.0"));
        assertThat(plan.step("lint").agent()).isEqualTo("static-analysis");
        assertThat(plan.step("lint").needs()).containsExactly("migrate");
    }

    @Test
    void javaUpgradeRunsTheUpgradeRecipe() {
        Plan plan = catalog().resolve("java-17-upgrade");

        assertThat(plan.step("upgrade").with().get("recipes"))
                .isEqualTo(List.of("org.openrewrite.java.migrate.UpgradeToJava17"));
        assertThat(plan.step("lint").needs()).containsExactly("upgrade");
    }

    private WorkflowCatalog catalog() {
        return new WorkflowCatalog(repo, new WorkflowLoader(agents));
    }
}
