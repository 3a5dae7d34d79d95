package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateFlowTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;
    Path workflow;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
        workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: echo hello > greeting.txt
                """);
    }

    private CliRunner.Result run(String... extra) {
        String[] base = {"run", "--repo", repoDir.toString(), "--workflow", workflow.toString(), "--validate",
                TestRepo.VALIDATE, "--run-id", "r1", "--json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return orchestra(args);
    }

    private static JsonNode json(CliRunner.Result result) throws Exception {
        return Json.MAPPER.readTree(result.out());
    }

    @Test
    void waitsAtEachGateWithExitTenAndFinishesAfterThreeApprovals() throws Exception {
        CliRunner.Result atPlan = run();
        assertThat(atPlan.exitCode()).as(atPlan.toString()).isEqualTo(10);
        assertThat(json(atPlan).get("waitingFor").asText()).isEqualTo("plan");
        assertThat(json(atPlan).get("plan").asText()).contains("greet");
        assertThat(repoDir.resolve(".orchestra/runs/r1/gates/plan.request.json")).exists();

        CliRunner.Result atPatch = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--by", "alice", "--json");
        assertThat(atPatch.exitCode()).as(atPatch.toString()).isEqualTo(10);
        assertThat(json(atPatch).get("waitingFor").asText()).isEqualTo("patch");
        assertThat(json(atPatch).get("gateQuestion").asText()).startsWith("Land these patches on orchestra/r1");
        assertThat(json(atPatch).get("gateDetails").asText()).contains("greet (command): 1 files, +1 -0", "greeting.txt");
        assertThat(repoDir.resolve("greeting.txt")).as("nothing lands before the patch gate").doesNotExist();

        CliRunner.Result atPr = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--by", "bob", "--json");
        assertThat(atPr.exitCode()).as(atPr.toString()).isEqualTo(10);
        assertThat(json(atPr).get("waitingFor").asText()).isEqualTo("pr");
        assertThat(json(atPr).get("gateDetails").asText()).as("the pr gate shows what landed and the tests")
                .contains("greet (command): 1 files, +1 -0", "greeting.txt", "Tests before:", "Tests after:");
        assertThat(repoDir.resolve("greeting.txt")).hasContent("hello");

        CliRunner.Result done = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--by", "carol", "--json");
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(0);
        JsonNode out = json(done);
        assertThat(out.get("status").asText()).isEqualTo("done");
        assertThat(out.get("gateQuestion").isNull()).as("no gate is asked once the run is done").isTrue();
        assertThat(Path.of(out.get("bundlePath").asText()).resolve("bundle.json")).exists();
        assertThat(repo.branch()).isEqualTo("orchestra/r1");
        assertThat(repo.log("orchestra/r1")).first().asString().startsWith("greet: Add a greeting file.");
        assertThat(repo.clean()).isTrue();

        String bundle = Files.readString(Path.of(out.get("bundlePath").asText()).resolve("bundle.json"));
        assertThat(bundle).contains("alice", "bob", "carol");
    }

    @Test
    void rejectionAtThePlanGateStopsTheRunAndChangesNoFile() throws Exception {
        assertThat(run().exitCode()).isEqualTo(10);
        CliRunner.Result rejected = orchestra("resume", "--repo", repoDir.toString(), "--reject", "--json");
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
        assertThat(json(rejected).get("status").asText()).isEqualTo("rejected");
        assertThat(repoDir.resolve("greeting.txt")).doesNotExist();
        assertThat(repo.log("orchestra/r1")).containsExactly("initial");
    }

    @Test
    void gatesNoneRunsToTheEndAndRecordsEveryGateAsAutomatic() throws Exception {
        CliRunner.Result done = run("--gates", "none");
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(0);
        JsonNode bundle = Json.MAPPER.readTree(Path.of(json(done).get("bundlePath").asText()).resolve("bundle.json").toFile());
        assertThat(bundle.toString()).contains("\"automatic\":true");
        assertThat(bundle.toString()).doesNotContain("\"automatic\":false");
    }

    @Test
    void anEditedPlanReplacesTheProposedOne() throws Exception {
        assertThat(run().exitCode()).isEqualTo(10);
        Path planMd = repoDir.resolve(".orchestra/runs/r1/plan.md");
        Path edited = outside.resolve("edited.md");
        Files.writeString(edited, Files.readString(planMd).replace("echo hello > greeting.txt", "echo bonjour > greeting.txt"));
        CliRunner.Result next = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--edited-plan",
                edited.toString(), "--json");
        assertThat(next.exitCode()).as(next.toString()).isEqualTo(10);
        orchestra("resume", "--repo", repoDir.toString(), "--approve", "--json");
        assertThat(repoDir.resolve("greeting.txt")).hasContent("bonjour");
    }

    @Test
    void aBrokenEditedPlanIsRefusedAndTheRunStillWaitsAtThePlanGate() throws Exception {
        assertThat(run().exitCode()).isEqualTo(10);
        Path edited = outside.resolve("edited.md");
        Files.writeString(edited, Files.readString(repoDir.resolve(".orchestra/runs/r1/plan.md"))
                .replace("agent: command", "agent: wizard"));
        CliRunner.Result refused = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--edited-plan", edited.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("edited.md:").contains("wizard");
        CliRunner.Result status = orchestra("status", "--repo", repoDir.toString(), "--run-id", "r1", "--json");
        assertThat(json(status).get("waitingFor").asText()).isEqualTo("plan");
    }

    @Test
    void anEditedPlanAtThePatchGateIsRefusedAndTheRunStillWaitsThere() throws Exception {
        assertThat(run().exitCode()).isEqualTo(10);
        Path edited = outside.resolve("edited.md");
        Files.writeString(edited, Files.readString(repoDir.resolve(".orchestra/runs/r1/plan.md")));
        assertThat(orchestra("resume", "--repo", repoDir.toString(), "--approve", "--json").exitCode()).isEqualTo(10);
        CliRunner.Result refused = orchestra("resume", "--repo", repoDir.toString(), "--approve", "--edited-plan",
                edited.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--edited-plan answers the plan gate").contains("patch gate");
        CliRunner.Result status = orchestra("status", "--repo", repoDir.toString(), "--run-id", "r1", "--json");
        assertThat(json(status).get("waitingFor").asText()).isEqualTo("patch");
        assertThat(repoDir.resolve("greeting.txt")).as("nothing landed").doesNotExist();
    }

    @Test
    void externalValidationWaitsWithElevenAndTakesTheJUnitReportsBack() throws Exception {
        CliRunner.Result first = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate-external", "--gates", "none", "--run-id", "r1", "--json");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(11);
        assertThat(json(first).get("waitingFor").asText()).isEqualTo("baseline");
        new ProcessBuilder("sh", "validate.sh").directory(repoDir.toFile()).start().waitFor();
        CliRunner.Result second = orchestra("resume", "--repo", repoDir.toString(), "--validation-exit", "1", "--json");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(11);
        assertThat(json(second).get("waitingFor").asText()).isEqualTo("final");
        new ProcessBuilder("sh", "validate.sh").directory(repoDir.toFile()).start().waitFor();
        CliRunner.Result done = orchestra("resume", "--repo", repoDir.toString(), "--validation-exit", "0", "--json");
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(0);
        assertThat(json(done).get("summary").asText()).contains("demo.GreetingTest#greetingExists");
    }
}
