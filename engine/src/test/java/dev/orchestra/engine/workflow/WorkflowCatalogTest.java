package dev.orchestra.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCatalogTest {
    @TempDir
    Path repo;

    private WorkflowCatalog catalog() {
        return new WorkflowCatalog(repo, new WorkflowLoader(new FixedAgentCatalog()));
    }

    @Test
    void findsAShippedWorkflowByName() {
        Plan plan = catalog().resolve("junit4-to-junit5");

        assertThat(plan.name()).isEqualTo("junit4-to-junit5");
        assertThat(plan.steps()).extracting(Step::id).containsExactly("migrate", "lint");
        assertThat(plan.step("migrate").with().get("recipes"))
                .isEqualTo(List.of("org.openrewrite.java.testing.junit5.JUnit4to5Migration"));
    }

    @Test
    void repositoryWorkflowShadowsTheShippedOneOfTheSameName() throws IOException {
        writeRepoWorkflow("junit4-to-junit5.yml", "our-own-migration");

        assertThat(catalog().resolve("junit4-to-junit5").name()).isEqualTo("our-own-migration");
    }

    @Test
    void findsARepositoryWorkflowWrittenWithTheYamlExtension() throws IOException {
        writeRepoWorkflow("nightly.yaml", "nightly");

        assertThat(catalog().resolve("nightly").name()).isEqualTo("nightly");
    }

    @Test
    void loadsAWorkflowGivenAsAPath() throws IOException {
        Path file = Files.writeString(repo.resolve("mine.yml"), workflow("by-path"));

        assertThat(catalog().resolve(file.toString()).name()).isEqualTo("by-path");
    }

    @Test
    void loadsAWorkflowGivenAsAPathInsideTheRepository() throws IOException {
        Files.createDirectories(repo.resolve("ci"));
        Files.writeString(repo.resolve("ci/flow.yml"), workflow("in-repo-path"));

        assertThat(catalog().resolve("ci/flow.yml").name()).isEqualTo("in-repo-path");
    }

    @Test
    void rejectsAnUnknownNameListingEveryAvailableWorkflow() throws IOException {
        writeRepoWorkflow("nightly.yml", "nightly");

        assertThatThrownBy(() -> catalog().resolve("junit5"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("unknown workflow 'junit5'; available: java-17-upgrade, junit4-to-junit5, nightly")
                .hasMessageContaining(".orchestra/workflows");
    }

    @Test
    void rejectsAMissingWorkflowFileNamingIt() {
        assertThatThrownBy(() -> catalog().resolve("flows/missing.yml"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("flows/missing.yml: no such workflow file");
    }

    @Test
    void reportsErrorsOfARepositoryWorkflowWithItsFileAndLine() throws IOException {
        Path file = writeRepoWorkflow("broken.yml", "broken").resolveSibling("broken.yml");
        Files.writeString(file, "name: broken\nsteps:\n  - {id: a, agent: robot}\n");

        assertThatThrownBy(() -> catalog().resolve("broken"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3: step 'a': unknown agent 'robot'");
    }

    @Test
    void listsRepositoryAndShippedWorkflowsOnceEach() throws IOException {
        writeRepoWorkflow("junit4-to-junit5.yml", "shadow");
        writeRepoWorkflow("nightly.yml", "nightly");

        assertThat(catalog().inRepository()).containsExactly("junit4-to-junit5", "nightly");
        assertThat(catalog().available()).containsExactly("java-17-upgrade", "junit4-to-junit5", "nightly");
    }

    private Path writeRepoWorkflow(String file, String name) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".orchestra/workflows"));
        return Files.writeString(dir.resolve(file), workflow(name));
    }

    private static String workflow(String name) {
        return "name: " + name + "\nsteps:\n  - {id: lint, agent: static-analysis}\n";
    }
}
