package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.demo.SampleProject;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static-analysis step's compile errors are findings, not a failure: with no validation hook they are the evidence
 * the run escalates with, the step before it lands, and the errors are left for a human by file and line.
 */
class StaticAnalysisFindingsTest {
    @TempDir
    Path project;

    @TempDir
    Path outside;

    @Test
    void compileErrorsFoundByStaticAnalysisEscalateWithTheWorkBeforeItLandedAndTheErrorsLeftByFileAndLine() throws Exception {
        SampleProject.writeTo(project);
        GitCli.run(project, "init", "-q", "-b", "main");
        GitCli.run(project, "add", ".");
        GitCli.run(project, "-c", "user.name=Test User", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "initial");
        Path workflow = Files.writeString(outside.resolve("broken.yml"), """
                name: broken
                steps:
                  - id: add
                    agent: command
                    with:
                      run: printf 'package demo;\\n\\nclass Broken {\\n    int value() { return missing(); }\\n}\\n' > src/main/java/demo/Broken.java
                  - id: lint
                    agent: static-analysis
                    needs: [add]
                """);

        CliRunner.Result result = orchestra("run", "--repo", project.toString(), "--workflow", workflow.toString(),
                "--gates", "none", "--run-id", "l1", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(12);
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("failure").asText()).contains("static analysis: the build fails to compile (1 error)");
        assertThat(project.resolve("src/main/java/demo/Broken.java")).as("the step before lint landed").exists();
        assertThat(Path.of(out.get("summaryPath").asText())).content()
                .contains("- src/main/java/demo/Broken.java:4: cannot find symbol");
    }
}
