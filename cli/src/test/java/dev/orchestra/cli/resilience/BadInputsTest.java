package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.trust.StateSignature;
import dev.orchestra.testsupport.GitCli;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed workflows, plans, edited plans, JUnit XML and configuration, and huge or binary inputs: each gets one
 * clear line on stderr ({@code orchestra: ...}), exit 2, and leaves the repository as it was.
 */
class BadInputsTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";
    static final Reliability.Section SECTION = new Reliability.Section("bad-input", "Bad input", "refused cleanly",
            "Inputs that are wrong in form or content. A case is refused cleanly when the command exits 2 with one "
                    + "line `orchestra: ...` on stderr (no stack trace), and HEAD, the branches, `git status` and the "
                    + "run state are as they were.");

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        SECTION.note("A planner that answers no usable plan three times is the model's fault, not the user's: the run "
                + "fails with exit 1 and says why (counted above as refused cleanly when it does).");
        SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "validate.sh", Cli.checkScript("greetingExists", "greeting.txt", "hello")));
    }

    /** What a user would compare: HEAD, every ref, a clean status, and every file of the run folders. */
    private String snapshot() throws Exception {
        return snapshot("");
    }

    /** The snapshot, leaving out the run-folder files whose path starts with {@code ignored} (when not empty). */
    private String snapshot(String ignored) throws Exception {
        StringBuilder state = new StringBuilder(Cli.head(repo)).append('\n').append(Cli.refs(repo)).append('\n')
                .append(Cli.clean(repo)).append('\n');
        Path runs = repo.resolve(".orchestra/runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> files = Files.walk(runs)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!ignored.isEmpty() && repo.relativize(file).toString().startsWith(ignored)) {
                        continue;
                    }
                    state.append(repo.relativize(file)).append(": ").append(Files.readString(file,
                            java.nio.charset.StandardCharsets.ISO_8859_1).hashCode()).append('\n');
                }
            }
        }
        return state.toString();
    }

    private void refused(String what, CliRunner.Result result, String before, String... words) throws Exception {
        refusedIgnoring(what, result, before, "", words);
    }

    private void refusedIgnoring(String what, CliRunner.Result result, String before, String ignored, String... words) throws Exception {
        Reliability.Tally tally = SECTION.tally(what);
        tally.tried();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        List<String> errors = result.err().lines().filter(l -> l.startsWith("orchestra: ")).toList();
        assertThat(errors).as("one error line: " + result).hasSize(1);
        assertThat(errors.get(0)).contains(words);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(snapshot(ignored)).as("the repository is as it was").isEqualTo(before);
        tally.held();
    }

    private CliRunner.Result runWorkflow(Path workflow) {
        return Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(), "--gates", "none",
                "--run-id", "b1");
    }

    @Test
    void aWorkflowThatIsNotYamlIsRefused() throws Exception {
        Path workflow = Files.writeString(temp.resolve("broken.yml"), "name: broken\nsteps:\n  - id: [greet\n    agent: command\n");
        String before = snapshot();
        refused("workflow that is not YAML", runWorkflow(workflow), before, workflow.toString());
    }

    @Test
    void aBinaryWorkflowFileIsRefused() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(5).nextBytes(bytes);
        Path workflow = Files.write(temp.resolve("binary.yml"), bytes);
        String before = snapshot();
        refused("binary workflow file", runWorkflow(workflow), before, workflow.toString());
    }

    @Test
    void aWorkflowWithACycleIsRefused() throws Exception {
        Path workflow = Files.writeString(temp.resolve("cycle.yml"), """
                name: cycle
                description: Two steps that wait for each other.
                steps:
                  - id: one
                    agent: command
                    needs: [two]
                    with:
                      run: echo 1 > one.txt
                  - id: two
                    agent: command
                    needs: [one]
                    with:
                      run: echo 2 > two.txt
                """);
        String before = snapshot();
        refused("workflow with a dependency cycle", runWorkflow(workflow), before, "cycle");
    }

    @Test
    void aTaskFileIsReadAndAHugeOrBinaryOneIsRefused() throws Exception {
        Path workflow = Files.writeString(temp.resolve("ok.yml"), "name: ok\ndescription: ok\nsteps:\n  - id: greet\n"
                + "    agent: command\n    with:\n      run: echo hello > greeting.txt\n");
        Path small = Files.writeString(temp.resolve("small.md"), "Add a greeting to the project.\n");
        CliRunner.Result read = Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--task", "@" + small, "--gates", "none", "--run-id", "t1");
        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(repo.resolve(".orchestra/runs/t1/task.md")).content().contains("Add a greeting to the project.");

        Path huge = Files.writeString(temp.resolve("task.md"), "Add a greeting. ".repeat(5 * 1024 * 1024 / 16));
        byte[] bytes = new byte[2048];
        new Random(6).nextBytes(bytes);
        Path binary = Files.write(temp.resolve("task.bin"), bytes);
        for (Path task : List.of(huge, binary)) {
            String before = snapshot();
            refused(task.getFileName() + " as the task", Cli.orchestra("run", "--repo", repo.toString(), "--workflow",
                    workflow.toString(), "--task", "@" + task, "--gates", "none", "--run-id", "b1"), before, task.toString());
        }
    }

    @Test
    void aHugeWorkflowFileIsRefused() throws Exception {
        StringBuilder yaml = new StringBuilder("name: huge\ndescription: Far too many steps.\nsteps:\n");
        for (int i = 0; yaml.length() < 5 * 1024 * 1024; i++) {
            yaml.append("  - id: s").append(i).append("\n    agent: command\n    with:\n      run: echo ").append(i)
                    .append(" > f").append(i).append(".txt\n");
        }
        Path workflow = Files.writeString(temp.resolve("huge.yml"), yaml);
        String before = snapshot();
        refused("5 MB workflow file", runWorkflow(workflow), before, workflow.toString());
    }

    @Test
    void aConfigurationThatIsNotYamlIsRefused() throws Exception {
        Cli.write(repo, ".orchestra/config.yml", "model: [openai:gpt-4o-mini\n  base-url: {\n");
        Cli.commitAll(repo, "config");
        String before = snapshot();
        refused("`.orchestra/config.yml` not YAML", Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--task",
                "Add a greeting.", "--gates", "none", "--run-id", "b1"), before, "config.yml");
    }

    @Test
    void aConfigurationHoldingAnApiKeyIsRefused() throws Exception {
        Cli.write(repo, ".orchestra/config.yml", "model: openai:gpt-4o-mini\napi-key: " + KEY + "\n");
        Cli.commitAll(repo, "config");
        String before = snapshot();
        CliRunner.Result result = Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--task", "Add a greeting.",
                "--gates", "none", "--run-id", "b1");
        refused("`.orchestra/config.yml` with `api-key:`", result, before, "config.yml", "api-key");
        assertThat(result.err()).doesNotContain(KEY);
    }

    @Test
    void aPlannerThatAnswersWithoutJsonThreeTimesIsRefused() throws Exception {
        plannerAnswering("planner answers not JSON, three times", r -> ScriptedAnswer.text("Sure! Here is my plan: first, ..."));
    }

    @Test
    void aPlannerThatAnswersWithACycleThreeTimesIsRefused() throws Exception {
        String plan = "{\"summary\": \"Loop.\", \"steps\": ["
                + ModelFaultsTest.step("one", "code-writer", "One.", "README.md", List.of("two")) + ","
                + ModelFaultsTest.step("two", "code-writer", "Two.", "README.md", List.of("one")) + "]}";
        plannerAnswering("planner answers a plan with a cycle, three times", r -> ScriptedAnswer.text(plan));
    }

    private void plannerAnswering(String what, Function<RecordedRequest, ScriptedAnswer> planner) throws Exception {
        String before = snapshot();
        List<RecordedRequest> requests;
        CliRunner.Result result;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(planner)) {
            result = Cli.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), "run", "--repo", repo.toString(), "--task",
                    "Add a greeting.", "--model", "openai:gpt-4o-mini", "--base-url", server.baseUrl() + "/v1",
                    "--api-key-env", "ORCHESTRA_TEST_KEY", "--gates", "none", "--run-id", "b1");
            requests = new ArrayList<>(server.requests());
        }
        Reliability.Tally tally = SECTION.tally(what);
        tally.tried();
        assertThat(requests).as("asked three times").hasSize(3);
        // Not the user's input but the model's: the run fails (exit 1, as docs/cli.md says) and says why.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("Why: the planner gave no valid plan after 3 tries: ");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(Cli.stepTrailers(repo, "orchestra/b1")).as("nothing landed").isEmpty();
        assertThat(Cli.refs(repo)).as("main did not move").containsAll(Cli.refs(repo).stream()
                .filter(ref -> ref.startsWith("refs/heads/main ")).toList()).anyMatch(before::contains);
        assertThat(Cli.clean(repo)).isTrue();
        assertThat(before).isNotEmpty();
        tally.held();
    }

    @Test
    void anEditedPlanWithACycleIsRefusedAndTheRunStillWaits() throws Exception {
        Path workflow = Files.writeString(temp.resolve("two.yml"), "name: two\ndescription: Two steps.\nsteps:\n"
                + "  - id: one\n    agent: command\n    with:\n      run: echo 1 > one.txt\n"
                + "  - id: two\n    agent: command\n    needs: [one]\n    with:\n      run: echo 2 > two.txt\n");
        CliRunner.Result waiting = Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--gates", "plan", "--run-id", "g1", "--json");
        assertThat(waiting.exitCode()).as(waiting.toString()).isEqualTo(10);
        String plan = Files.readString(repo.resolve(".orchestra/runs/g1/plan.md"));
        Path edited = Files.writeString(temp.resolve("edited.md"), plan.replace("id: one\n", "id: one\n    needs: [two]\n"));
        assertThat(Files.readString(edited)).isNotEqualTo(plan);
        String before = snapshot();

        refused("edited plan with a cycle", Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "g1",
                "--approve", "--edited-plan", edited.toString()), before, edited.toString());
        Path notYaml = Files.writeString(temp.resolve("not-yaml.md"), "```yaml\nsteps: [ {id: one\n```\n");
        refused("edited plan that is not YAML", Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "g1",
                "--approve", "--edited-plan", notYaml.toString()), before, notYaml.toString());
        assertThat(Cli.orchestra("status", "--repo", repo.toString(), "--run-id", "g1").out()).contains("plan");
    }

    @Test
    void aMalformedJUnitReportHandedBackIsRefusedAndTheRunStillWaits() throws Exception {
        Path workflow = Files.writeString(temp.resolve("ok.yml"), "name: ok\ndescription: ok\nsteps:\n  - id: greet\n"
                + "    agent: command\n    with:\n      run: echo hello > greeting.txt\n");
        CliRunner.Result waiting = Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--validate-external", "--gates", "none", "--run-id", "v1", "--json");
        assertThat(waiting.exitCode()).as(waiting.toString()).isEqualTo(11);
        Path bad = Cli.write(repo, "target/bad.xml", "<testsuite name=\"x\" tests=\"1\"><testcase name=\"y\"");
        String before = snapshot();

        refusedIgnoring("malformed JUnit XML handed back", Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "v1",
                "--validation-exit", "0", "--junit", "target/bad.xml"), before, ".orchestra/runs/v1/tests/", "bad.xml");
        assertThat(bad).exists();
    }

    @Test
    void aMalformedJUnitReportHandedBackLeavesTheRunFolderAsItWas() throws Exception {
        Path workflow = Files.writeString(temp.resolve("ok.yml"), "name: ok\ndescription: ok\nsteps:\n  - id: greet\n"
                + "    agent: command\n    with:\n      run: echo hello > greeting.txt\n");
        assertThat(Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--validate-external", "--gates", "none", "--run-id", "v1").exitCode()).isEqualTo(11);
        Cli.write(repo, "target/bad.xml", "<testsuite name=\"x\" tests=\"1\"><testcase name=\"y\"");
        String before = snapshot();
        assertThat(Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "v1", "--validation-exit", "0",
                "--junit", "target/bad.xml").exitCode()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- flags checked before anything starts -------------------------------------------------------------

    /** Exactly one JSON object on stdout, nothing after it. */
    static JsonNode oneJsonObject(String stdout) throws Exception {
        JsonNode json = Json.MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(stdout);
        assertThat(json.isObject()).as(stdout).isTrue();
        return json;
    }

    private Path greetWorkflow() throws Exception {
        return Files.writeString(temp.resolve("ok.yml"), "name: ok\ndescription: ok\nsteps:\n  - id: greet\n"
                + "    agent: command\n    with:\n      run: echo hello > greeting.txt\n");
    }

    /** Refused as {@link #refused} does, and under {@code --json} exactly one JSON object naming the error. */
    private void refusedWithJson(String what, CliRunner.Result result, String before, String... words) throws Exception {
        refused(what, result, before, words);
        JsonNode json = oneJsonObject(result.out());
        assertThat(json.get("exitCode").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).contains(words);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--max-cost, NaN", "--max-cost, -1", "--max-cost, Infinity", "--max-tokens, -5", "--max-tokens, 0",
        "--max-model-calls, -1", "--max-minutes, -3", "--max-minutes, 99999999999", "--temperature, NaN",
        "--max-output-tokens, 0"})
    void aBudgetOrModelNumberThatIsNotAPositiveFiniteNumberIsRefusedBeforeAnythingStarts(String flag, String value)
            throws Exception {
        String before = snapshot();
        refusedWithJson("`" + flag + " " + value + "`", Cli.orchestra("run", "--repo", repo.toString(), "--workflow",
                greetWorkflow().toString(), "--gates", "none", "--run-id", "b1", "--json", flag, value), before, flag);
    }

    @Test
    void anEndlessTaskFileIsRefusedWithoutRunningOutOfMemory() throws Exception {
        String before = snapshot();
        Path log = temp.resolve("zero.log");
        Process process = Cli.start(Map.of(), log, "run", "--repo", repo.toString(), "--workflow",
                greetWorkflow().toString(), "--task", "@/dev/zero", "--gates", "none", "--run-id", "b1");
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        refused("`--task @/dev/zero`", new CliRunner.Result(process.exitValue(), "", Files.readString(log)), before,
                "--task @/dev/zero", "more than");
    }

    @Test
    void aMalformedWriteScopeGlobIsRefusedBeforeAnythingStarts() throws Exception {
        String before = snapshot();
        refusedWithJson("malformed `--write-scope` glob", Cli.orchestra("run", "--repo", repo.toString(), "--workflow",
                greetWorkflow().toString(), "--gates", "none", "--run-id", "b1", "--json", "--write-scope", "src/[z-a]/**"),
                before, "--write-scope 'src/[z-a]/**'");
    }

    @ParameterizedTest(name = "--run-id {0}")
    @ValueSource(strings = {"x.lock", "a..b", "trailing."})
    void aRunIdGitRefusesInABranchNameIsRefused(String runId) throws Exception {
        String before = snapshot();
        refusedWithJson("`--run-id " + runId + "`", Cli.orchestra("run", "--repo", repo.toString(), "--workflow",
                greetWorkflow().toString(), "--gates", "none", "--run-id", runId, "--json"), before, runId, "git refuses");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--json", "run --json --repo REPO --bogus", "run --json --repo REPO --jobs x",
        "run --json --repo REPO --workflow no-such-flow", "resume --json --repo REPO",
        "resume --json --repo REPO --approve --reject", "status --json --repo REPO --run-id nope",
        "status --json --repo NOWHERE", "workflows --json --bogus", "replay --json NOWHERE", "demo --json --dir REPO"})
    void everyErrorUnderJsonPrintsExactlyOneJsonObject(String command) throws Exception {
        String before = snapshot();
        String[] args = command.replace("REPO", repo.toString()).replace("NOWHERE", temp.resolve("nowhere").toString())
                .split(" ");
        CliRunner.Result result = Cli.orchestra(args);
        Reliability.Tally tally = SECTION.tally("error under `--json` prints one JSON object");
        tally.tried();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        JsonNode json = oneJsonObject(result.out());
        assertThat(json.get("exitCode").asInt()).isEqualTo(2);
        assertThat(result.err()).contains("orchestra: " + json.get("error").asText());
        assertThat(snapshot()).isEqualTo(before);
        tally.held();
    }

    @Test
    void aLinkedWorktreeIsCalledOneAndTheMainWorkingTreeNamed() throws Exception {
        Path worktree = temp.resolve("worktree");
        GitCli.run(repo, "worktree", "add", "-q", "-b", "other", worktree.toString());
        String before = snapshot();
        refusedWithJson("a linked worktree as `--repo`", Cli.orchestra("run", "--repo", worktree.toString(), "--workflow",
                greetWorkflow().toString(), "--gates", "none", "--json"), before, "a linked worktree", "--repo " + repo);
    }

    @Test
    void aNullFieldInTheRunStateIsNamedAndTheRunStaysAsItWas() throws Exception {
        Map<String, String> env = Map.of(RunKey.ENV, "the operator's run key for these tests, long enough");
        assertThat(Cli.orchestra(env, "run", "--repo", repo.toString(), "--workflow", greetWorkflow().toString(),
                "--gates", "plan", "--run-id", "n1").exitCode()).isEqualTo(10);
        Path file = repo.resolve(".orchestra/runs/n1/state.json");
        ObjectNode state = (ObjectNode) Json.MAPPER.readTree(file.toFile());
        state.remove("orchestraSignature");
        state.putNull("status");
        // Signed with the operator's key, as a damaged state Orchestra itself had written would be.
        Files.writeString(file, new StateSignature(RunKey.forOperator(temp, env)).sign("n1", Json.MAPPER.writeValueAsString(state)));
        String before = snapshot();
        refusedWithJson("`null` field in state.json", Cli.orchestra(env, "resume", "--repo", repo.toString(), "--run-id",
                "n1", "--approve", "--json"), before, "field 'status' is null");
    }

    @Test
    void oneDamagedRunStateLeavesStatusShowingEveryOtherRun() throws Exception {
        for (String runId : List.of("s1", "s2")) {
            assertThat(Cli.orchestra("run", "--repo", repo.toString(), "--workflow", greetWorkflow().toString(),
                    "--gates", "none", "--run-id", runId, "--leave-working-tree").exitCode()).isZero();
        }
        Path damaged = repo.resolve(".orchestra/runs/s2/state.json");
        Files.writeString(damaged, Files.readString(damaged).substring(0, 200));
        Reliability.Tally tally = SECTION.tally("one damaged state.json, then `status`");
        tally.tried();

        CliRunner.Result text = Cli.orchestra("status", "--repo", repo.toString());
        CliRunner.Result json = Cli.orchestra("status", "--repo", repo.toString(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).containsPattern("s1 +done").containsPattern("s2 +unreadable +.*state.json: unreadable run state");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        List<String> statuses = new ArrayList<>();
        oneJsonObject(json.out()).get("runs").forEach(run -> statuses.add(run.get("runId").asText() + " " + run.get("status").asText()));
        assertThat(statuses).containsExactly("s1 done", "s2 unreadable");
        tally.held();
    }
}
