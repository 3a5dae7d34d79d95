package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Independent steps run at once in their own copies; claims keep overlapping steps apart. */
class ParallelStepsTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
    }

    private CliRunner.Result run(String steps, String jobs, String... more) throws Exception {
        Path workflow = repo.workflow(outside, steps);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--repo", repoDir.toString(), "--workflow",
                workflow.toString(), "--gates", "none", "--jobs", jobs, "--run-id", "p1"));
        args.addAll(List.of(more));
        return orchestra(args.toArray(String[]::new));
    }

    private static String step(String id, String scope, String command) {
        return "  - id: " + id + "\n    agent: command\n    instructions: Step " + id + ".\n    scope: [\"" + scope
                + "\"]\n    with:\n      run: " + command + "\n";
    }

    /** Start and end of each step, from the run's transcript. */
    private Map<String, Instant[]> intervals() throws Exception {
        Map<String, Instant[]> intervals = new HashMap<>();
        for (String line : Files.readAllLines(repoDir.resolve(".orchestra/runs/p1/transcript.jsonl"))) {
            JsonNode call = Json.MAPPER.readTree(line);
            if (call.path("kind").asText().equals("tool")) {
                intervals.put(call.get("id").asText().split("/")[1], new Instant[] {
                    Instant.parse(call.get("startedAt").asText()), Instant.parse(call.get("endedAt").asText())});
            }
        }
        return intervals;
    }

    private static boolean overlap(Instant[] a, Instant[] b) {
        return a[0].isBefore(b[1]) && b[0].isBefore(a[1]);
    }

    @Test
    void independentStepsOverlapInTimeAndLandOneCommitEach() throws Exception {
        CliRunner.Result result = run(step("one", "one.txt", "sleep 1 && echo 1 > one.txt")
                + step("two", "two.txt", "sleep 1 && echo 2 > two.txt")
                + step("three", "three.txt", "sleep 1 && echo 3 > three.txt"), "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, Instant[]> intervals = intervals();
        assertThat(overlap(intervals.get("one"), intervals.get("two"))).isTrue();
        assertThat(overlap(intervals.get("two"), intervals.get("three"))).isTrue();
        assertThat(repo.log("orchestra/p1")).hasSize(4)
                .anyMatch(s -> s.startsWith("one:")).anyMatch(s -> s.startsWith("two:")).anyMatch(s -> s.startsWith("three:"));
        assertThat(repoDir.resolve("three.txt")).hasContent("3");
    }

    @Test
    void stepsThatClaimTheSameFileNeverRunTogether() throws Exception {
        CliRunner.Result result = run(step("first", "shared.txt", "sleep 1 && echo a >> shared.txt")
                + step("second", "shared.txt", "sleep 1 && echo b >> shared.txt"), "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, Instant[]> intervals = intervals();
        assertThat(overlap(intervals.get("first"), intervals.get("second"))).isFalse();
        assertThat(repoDir.resolve("shared.txt")).hasContent("a\nb");
    }

    @Test
    void aStepWritingOutsideItsClaimIsSentBackOnceThenFails() throws Exception {
        CliRunner.Result result = run(step("greedy", "mine.txt", "echo x > mine.txt && echo y > yours.txt"), "2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("greedy was refused: yours.txt: outside the step's scope (mine.txt); sent back once");
        assertThat(result.out()).contains("yours.txt: outside the step's scope (mine.txt)");
        assertThat(repo.log("orchestra/p1")).containsExactly("initial");
    }

    @Test
    void aStepThatKeepsToItsClaimOnTheSecondTryLands() throws Exception {
        Path marker = outside.resolve("tried");
        // The step remembers its first try in a file beside the repository: only a step outside the sandbox can.
        CliRunner.Result result = run(step("learner", "mine.txt", "echo x > mine.txt && if [ ! -f " + marker
                + " ]; then touch " + marker + " && echo y > yours.txt; fi"), "1", "--sandbox", "off");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(repoDir.resolve("yours.txt")).doesNotExist();
        assertThat(repoDir.resolve("mine.txt")).hasContent("x");
    }

    @Test
    void aKillWhileStepsRunInParallelLosesAndDuplicatesNothing() throws Exception {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            steps.append(step("s" + i, "f" + i + ".txt", "sleep 1 && echo " + i + " > f" + i + ".txt"));
        }
        Path workflow = repo.workflow(outside, steps.toString());
        Process killed = CliRunner.start(Map.of("ORCHESTRA_CRASH_AT", "delegate.after-bring-back"),
                Files.createTempFile(outside, "orchestra-parallel", ".log"), "run", "--repo", repoDir.toString(),
                "--workflow", workflow.toString(), "--gates", "none", "--jobs", "4", "--run-id", "p1");
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);

        CliRunner.Result resumed = orchestra("resume", "--repo", repoDir.toString(), "--run-id", "p1");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        List<String> log = repo.log("orchestra/p1");
        assertThat(log).hasSize(5);
        for (int i = 1; i <= 4; i++) {
            String id = "s" + i + ":";
            assertThat(log.stream().filter(s -> s.startsWith(id))).as(id).hasSize(1);
            assertThat(repoDir.resolve("f" + i + ".txt")).hasContent(String.valueOf(i));
        }
        assertThat(repo.clean()).isTrue();
    }
}
