package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.demo.SampleProjects;
import dev.orchestra.engine.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the real rewrite-maven-plugin; the first run downloads it and the recipes from Maven Central. */
class OpenRewriteAgentTest extends AgentContractTest {
    private static final String MIGRATION = "org.openrewrite.java.testing.junit5.JUnit4to5Migration";

    /** The JUnit 4 to 5 migration from rewrite-testing-frameworks. */
    @Override
    Step succeedingStep() {
        return step("openrewrite", Map.of("recipes", List.of(MIGRATION),
                "artifacts", List.of("org.openrewrite.recipe:rewrite-testing-frameworks:3.44.0")));
    }

    /** A recipe that exists nowhere. */
    @Override
    Step failingStep(Path workdir) {
        return step("openrewrite", Map.of("recipes", List.of("org.example.NoSuchRecipe")));
    }

    @Override
    void checkSucceeded(AgentResult result) throws Exception {
        assertThat(copy.dir().resolve("src/test/java/demo/CalculatorTest.java")).content()
                .contains("import org.junit.jupiter.api.Test;", "import org.junit.jupiter.api.BeforeEach;",
                        "assertThrows(ArithmeticException.class")
                .doesNotContain("import org.junit.Before;");
        assertThat(copy.dir().resolve("pom.xml")).content().contains("<artifactId>junit-jupiter</artifactId>");
        assertThat(temp.resolve("repo/src/test/java/demo/CalculatorTest.java")).content()
                .contains("import org.junit.Before;");
        assertThat(result.notes()).extracting(Note::file)
                .containsExactlyInAnyOrder("pom.xml", "src/test/java/demo/CalculatorTest.java");
        assertThat(result.notes()).allSatisfy(note -> {
            assertThat(note.severity()).isEqualTo("info");
            assertThat(note.message()).startsWith("changed by org.openrewrite.");
        });
        assertThat(result.summary()).isEqualTo("OpenRewrite ran " + MIGRATION + ": changed 2 file(s)");
        assertThat(log).content().contains("org.openrewrite.maven:rewrite-maven-plugin:6.46.1:run");
        assertThat(copy.dir().resolve(".git")).as("the plugin needs no git folder").doesNotExist();
        copy.commitChanges("JUnit 5", SampleProjects.AUTHOR);
        assertThat(copy.stats().files()).as("build output stays out of the patch")
                .containsExactlyInAnyOrder("pom.xml", "src/test/java/demo/CalculatorTest.java");
    }

    @Override
    void checkFailed(AgentResult result) {
        assertThat(result.summary()).isEqualTo(
                "OpenRewrite failed (exit code 1): Recipe(s) not found: org.example.NoSuchRecipe");
    }
}
