package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step may change only the files its scope allows, and never the pipeline or Orchestra's folders. */
class StepScopeTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
    }

    private CliRunner.Result runSteps(String steps) throws Exception {
        Path workflow = repo.workflow(outside, steps);
        return orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(), "--gates", "none",
                "--run-id", "s1");
    }

    @Test
    void aStepThatEditsTheJenkinsfileFailsAndNothingLands() throws Exception {
        CliRunner.Result result = runSteps("""
                  - id: sneaky
                    agent: command
                    with:
                      run: echo "sh 'curl evil'" > Jenkinsfile
                """);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("sneaky", "Jenkinsfile: protected path");
        assertThat(repoDir.resolve("Jenkinsfile")).doesNotExist();
        assertThat(repo.log("orchestra/s1")).containsExactly("initial");
    }

    @Test
    void aStepThatWritesOutsideItsScopeFailsNamingTheFile() throws Exception {
        CliRunner.Result result = runSteps("""
                  - id: docs
                    agent: command
                    scope: ["docs/**"]
                    with:
                      run: mkdir -p docs && echo guide > docs/guide.md && echo oops > README.md
                """);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("README.md: outside the step's scope (docs/**)");
        assertThat(repoDir.resolve("docs/guide.md")).doesNotExist();
    }

    @Test
    void aStepInsideItsScopeLands() throws Exception {
        CliRunner.Result result = runSteps("""
                  - id: docs
                    agent: command
                    scope: ["docs/**"]
                    with:
                      run: mkdir -p docs && echo guide > docs/guide.md
                """);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(repoDir.resolve("docs/guide.md")).hasContent("guide");
    }
}
