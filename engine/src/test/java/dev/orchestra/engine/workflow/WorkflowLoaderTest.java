package dev.orchestra.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLoaderTest {
    @TempDir
    Path dir;

    private final WorkflowLoader loader = new WorkflowLoader(new FixedAgentCatalog());

    @Test
    void loadsEveryKeyOfAStep() throws IOException {
        Plan plan = loader.load(write("""
                name: junit4-to-junit5
                description: Migrate JUnit 4 tests.
                steps:
                  - id: migrate
                    agent: openrewrite
                    instructions: Migrate JUnit 4 tests to JUnit Jupiter.
                    scope: ["**/*.java", "**/pom.xml"]
                    with:
                      recipes: [org.openrewrite.java.testing.junit5.JUnit4to5Migration]
                      artifacts: [org.openrewrite.recipe:rewrite-testing-frameworks:3.44.0]
                    acceptance: The tests compile and pass on JUnit 5.
                  - id: lint
                    agent: static-analysis
                    needs: [migrate]
                """));

        assertThat(plan.name()).isEqualTo("junit4-to-junit5");
        assertThat(plan.description()).isEqualTo("Migrate JUnit 4 tests.");
        assertThat(plan.steps()).containsExactly(
                new Step("migrate", "openrewrite", "Migrate JUnit 4 tests to JUnit Jupiter.",
                        List.of("**/*.java", "**/pom.xml"), List.of(),
                        Map.of("recipes", List.of("org.openrewrite.java.testing.junit5.JUnit4to5Migration"),
                                "artifacts", List.of("org.openrewrite.recipe:rewrite-testing-frameworks:3.44.0")),
                        "The tests compile and pass on JUnit 5."),
                new Step("lint", "static-analysis", "", List.of(), List.of("migrate"), Map.of(), ""));
    }

    @Test
    void ordersStepsAfterWhatTheyNeedKeepingFileOrderOtherwise() throws IOException {
        Plan plan = loader.load(write("""
                name: order
                steps:
                  - {id: test, agent: command, needs: [build], with: {run: make test}}
                  - {id: docs, agent: command, with: {run: make docs}}
                  - {id: build, agent: command, with: {run: make}}
                  - {id: lint, agent: static-analysis}
                """));

        assertThat(plan.steps()).extracting(Step::id).containsExactly("docs", "build", "test", "lint");
    }

    @Test
    void acceptsASingleTextForNeedsAndScope() throws IOException {
        Plan plan = loader.load(write("""
                name: single
                steps:
                  - {id: a, agent: static-analysis, scope: "src/**"}
                  - {id: b, agent: static-analysis, needs: a}
                """));

        assertThat(plan.step("a").scope()).containsExactly("src/**");
        assertThat(plan.step("b").needs()).containsExactly("a");
    }

    @Test
    void keepsTypedAgentParameters() throws IOException {
        Plan plan = loader.load(write("""
                name: typed
                steps:
                  - id: run
                    agent: command
                    with: {run: ./mvnw -B verify, timeout: 10m, retries: 2, strict: true, options: {a: 1.5}}
                """));

        assertThat(plan.step("run").with()).containsEntry("retries", 2).containsEntry("strict", true)
                .containsEntry("timeout", "10m").containsEntry("options", Map.of("a", 1.5));
    }

    @Test
    void readsTheVariablesAStepAsksForAndWritesThemBack() throws IOException {
        Plan plan = loader.load(write("""
                name: publish
                steps:
                  - id: publish
                    agent: command
                    env: [NPM_TOKEN, MAVEN_OPTS]
                    with: {run: npm publish}
                """));

        assertThat(plan.step("publish").env()).containsExactly("NPM_TOKEN", "MAVEN_OPTS");
        assertThat(loader.load(WorkflowWriter.write(plan), "again.yml", 0)).isEqualTo(plan);
    }

    @Test
    void refusesAValueWhereAVariableNameBelongsAtItsLine() throws IOException {
        assertBad("""
                name: publish
                steps:
                  - id: publish
                    agent: command
                    env:
                      - NPM_TOKEN
                      - npm_0123456789abcdef
                      - "token=abc"
                    with: {run: npm publish}
                """, 8).contains("step 'publish': env lists variable names (like NPM_TOKEN), not values; item 3")
                .doesNotContain("token=abc");
    }

    @Test
    void rejectsTextThatIsNotYamlAtTheParsersLine() throws IOException {
        assertBad("""
                name: broken
                steps:
                  - id: a
                    agent: [command
                """, 5).contains("not valid YAML");
    }

    @Test
    void explainsThatAGlobStartingWithAStarMustBeQuoted() throws IOException {
        assertBad("""
                name: glob
                steps:
                  - id: a
                    agent: static-analysis
                    scope: [**/*.java]
                """, 5).contains("not valid YAML").contains("quote globs that start with '*'");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertBad("\n", 1).contains("empty");
    }

    @Test
    void rejectsAWorkflowThatIsAList() throws IOException {
        assertBad("- id: a\n", 1).contains("a workflow is a mapping").contains("not a list");
    }

    @Test
    void rejectsWorkflowWithoutName() throws IOException {
        assertBad("""
                # no name
                steps:
                  - {id: a, agent: static-analysis}
                """, 2).contains("no 'name'");
    }

    @Test
    void rejectsWorkflowWithoutSteps() throws IOException {
        assertBad("name: nothing\ndescription: nothing to do\n", 1).contains("no 'steps'");
    }

    @Test
    void rejectsWorkflowWithEmptyStepsAtTheStepsLine() throws IOException {
        assertBad("name: nothing\n\nsteps: []\n", 3).contains("no steps");
    }

    @Test
    void rejectsUnknownTopLevelKeySuggestingTheRightOne() throws IOException {
        assertBad("""
                name: typo
                descripton: oops
                steps:
                  - {id: a, agent: static-analysis}
                """, 2).contains("unknown key 'descripton'").contains("did you mean 'description'?");
    }

    @Test
    void rejectsUnknownStepKeyNamingTheStep() throws IOException {
        assertBad("""
                name: typo
                steps:
                  - id: a
                    agent: static-analysis
                  - id: b
                    agent: static-analysis
                    need: [a]
                """, 7).contains("unknown key 'need' in step 'b'").contains("did you mean 'needs'?")
                .contains("allowed keys: id, agent, instructions, scope, needs, with, acceptance");
    }

    @Test
    void rejectsStepWithoutId() throws IOException {
        assertBad("""
                name: no-id
                steps:
                  - {id: a, agent: static-analysis}
                  - agent: static-analysis
                    instructions: Look.
                """, 4).contains("step 2 has no id");
    }

    @Test
    void rejectsStepWithoutAgentListingTheKnownOnes() throws IOException {
        assertBad("""
                name: no-agent
                steps:
                  - id: lint
                    instructions: Look.
                """, 3).contains("step 'lint' has no agent")
                .contains("known agents: command, openrewrite, static-analysis");
    }

    @Test
    void rejectsStepIdWithBadCharacters() throws IOException {
        assertBad("""
                name: bad-id
                steps:
                  - agent: static-analysis
                    id: lint all
                """, 4).contains("step id 'lint all'").contains("letters, digits, '-' and '_'");
    }

    @Test
    void rejectsDuplicateIdNamingBothLines() throws IOException {
        assertBad("""
                name: dup
                steps:
                  - id: lint
                    agent: static-analysis
                  - id: lint
                    agent: static-analysis
                """, 5).contains("duplicate step id 'lint'").contains("first at line 3");
    }

    @Test
    void rejectsUnknownAgentListingTheKnownOnes() throws IOException {
        assertBad("""
                name: agent
                steps:
                  - id: fix
                    agent: rewriter
                """, 4).contains("unknown agent 'rewriter'")
                .contains("known agents: command, openrewrite, static-analysis");
    }

    @Test
    void rejectsNeedsNamingAnUnknownStepAtThatItem() throws IOException {
        assertBad("""
                name: needs
                steps:
                  - {id: migrate, agent: static-analysis}
                  - id: lint
                    agent: static-analysis
                    needs:
                      - migrate
                      - migrat
                """, 8).contains("step 'lint' needs unknown step 'migrat'").contains("steps are: migrate, lint");
    }

    @Test
    void rejectsWorkflowWithCycleNamingTheStepsInIt() throws IOException {
        assertBad("""
                name: cycle
                steps:
                  - {id: setup, agent: static-analysis}
                  - id: a
                    agent: static-analysis
                    needs: [setup, c]
                  - {id: b, agent: static-analysis, needs: [a]}
                  - {id: c, agent: static-analysis, needs: [b]}
                """, 6).contains("dependency cycle: a -> c -> b -> a");
    }

    @Test
    void rejectsStepThatNeedsItself() throws IOException {
        assertBad("""
                name: self
                steps:
                  - {id: a, agent: static-analysis, needs: [a]}
                """, 3).contains("dependency cycle: a -> a");
    }

    @Test
    void rejectsNeedsGivenAsAMapping() throws IOException {
        assertBad("""
                name: types
                steps:
                  - id: a
                    agent: static-analysis
                  - id: b
                    agent: static-analysis
                    needs:
                      a: true
                """, 8).contains("'needs' must be a list of texts, not a mapping");
    }

    @Test
    void rejectsInstructionsGivenAsAList() throws IOException {
        assertBad("""
                name: types
                steps:
                  - id: a
                    agent: static-analysis
                    instructions: [look, fix]
                """, 5).contains("'instructions' must be text, not a list");
    }

    @Test
    void rejectsWithGivenAsAList() throws IOException {
        assertBad("""
                name: types
                steps:
                  - id: a
                    agent: command
                    with: [run, make]
                """, 5).contains("'with' must be a mapping");
    }

    @Test
    void rejectsStepsGivenAsAMapping() throws IOException {
        assertBad("""
                name: types
                steps:
                  a: {agent: static-analysis}
                """, 3).contains("'steps' must be a list of steps, not a mapping");
    }

    @Test
    void rejectsAbsoluteScopeGlob() throws IOException {
        assertBad("""
                name: scope
                steps:
                  - id: a
                    agent: static-analysis
                    scope:
                      - src/**
                      - /etc/**
                """, 7).contains("scope glob '/etc/**' is absolute");
    }

    @Test
    void rejectsScopeGlobLeavingTheRepository() throws IOException {
        assertBad("""
                name: scope
                steps:
                  - {id: a, agent: static-analysis, scope: ["src/../../secrets/**"]}
                """, 3).contains("scope glob 'src/../../secrets/**' leaves the repository");
    }

    @Test
    void reportsTheAgentsOwnProblemsAtTheStepLine() throws IOException {
        assertBad("""
                name: params
                steps:
                  - {id: a, agent: static-analysis}
                  - id: build
                    agent: command
                    with:
                      timeout: 10m
                """, 4).contains("step 'build' (agent command): 'with.run' must be the command line to run");
    }

    @Test
    void rejectsAgentParameterWithoutValue() throws IOException {
        assertBad("""
                name: params
                steps:
                  - id: build
                    agent: command
                    with:
                      run: make
                      timeout:
                """, 7).contains("'with' parameter 'timeout' has no value");
    }

    @Test
    void rejectsAKeyWrittenTwice() throws IOException {
        assertBad("""
                name: twice
                steps:
                  - id: a
                    agent: static-analysis
                    agent: command
                """, 5).contains("key 'agent' appears twice").contains("first at line 4");
    }

    @Test
    void reportsLinesOfTheEnclosingFileWhenGivenAnOffset() {
        assertThatThrownBy(() -> loader.load("name: x\nsteps:\n  - {id: a, agent: nope}\n", "plan.md", 20))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("plan.md:23: step 'a': unknown agent 'nope'");
    }

    @Test
    void rejectsAMissingFileNamingIt() {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such workflow file");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("workflow.yml"), text);
    }

    private AbstractStringAssert<?> assertBad(String text, int line) throws IOException {
        Path file = write(text);
        BadInputException error = catchThrowableOfType(BadInputException.class, () -> loader.load(file));
        assertThat(error).as("a BadInputException for:%n%s", text).isNotNull();
        return assertThat(error.getMessage()).doesNotContain("\n").startsWith(file + ":" + line + ": ");
    }
}
