package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.testsupport.FixLoopScenario;
import dev.orchestra.testsupport.GitRepository;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs through the engine's entry point, with no command line: a real repository, a real shell validation
 * hook, and the fix planner and code writer answering over the OpenAI wire format from a scripted server on loopback.
 * The scenario's workflow shouts the greeting, its one test fails, and one fix iteration lowers it again.
 */
class OrchestraTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";
    static final String MODEL = "openai:gpt-4o-mini";

    @TempDir
    Path temp;

    GitRepository repo;
    ScriptedModelServer server;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        repo = GitRepository.create(temp.resolve("repo"), FixLoopScenario.files());
        server = ScriptedModelServer.start().respondWith(FixLoopScenario::answer);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void failingTestsGoBackToTheModelAndTheFixLandsWithEveryCallInOneLedger() throws Exception {
        RunState run;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            run = orchestra.start(request(orchestra, "f1").build());
        }

        assertThat(run.status()).as(String.join("\n", progress)).isEqualTo(RunStatus.DONE);
        assertThat(repo.show("orchestra/f1", "greeting.txt")).isEqualTo("hello world\n");
        assertThat(repo.log("orchestra/f1")).hasSize(3).first().asString().startsWith(FixLoopScenario.FIX_STEP);
        JsonNode bundle = json(run, "bundle/bundle.json");
        JsonNode metrics = json(run, "bundle/metrics.json");
        int calls = server.requests().size();
        assertThat(calls).as("fix plan, code writer, account").isEqualTo(3);
        assertThat(transcriptLines(run)).hasSize(calls);
        assertThat(bundle.at("/budgets/spent/modelCalls").asInt()).isEqualTo(calls);
        assertThat(metrics.at("/spent/modelCalls").asInt()).isEqualTo(calls);
        assertThat(metrics.at("/total/modelCalls").asInt()).isEqualTo(calls);
        assertThat(metrics.at("/total/inputTokens").asLong()).isEqualTo(bundle.at("/budgets/spent/inputTokens").asLong());
        assertThat(bundle.get("fixIterations").asInt()).isEqualTo(1);
        assertThat(bundle.at("/budgets/spent/fixIterations").asInt()).isEqualTo(1);
        assertThat(metrics.get("fixIterations").asInt()).isEqualTo(1);
    }

    @Test
    void aCallBudgetEqualToWhatTheWorkNeedsLandsAndValidatesItAndEndsDone() throws Exception {
        RunState run;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            run = orchestra.start(request(orchestra, "b2").budget(new Budget(null, null, 2, null, null)).build());
        }

        assertThat(run.status()).as(String.join("\n", progress)).isEqualTo(RunStatus.DONE);
        assertThat(repo.show("orchestra/b2", "greeting.txt")).isEqualTo("hello world\n");
        assertThat(server.requests()).as("the account is left out: no call past the budget").hasSize(2);
        assertThat(json(run, "bundle/bundle.json").at("/budgets/spent/modelCalls").asInt()).isEqualTo(2);
        assertThat(run.account()).isNull();
    }

    @Test
    void aCallBudgetBelowWhatTheWorkNeedsStopsBeforeTheNextCallWithAPartialBundle() throws Exception {
        RunState run;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            run = orchestra.start(request(orchestra, "b1").budget(new Budget(null, null, 1, null, null)).build());
        }

        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(run.status().exitCode()).isEqualTo(3);
        assertThat(run.failure()).contains("--max-model-calls");
        assertThat(server.requests()).hasSize(1);
        assertThat(json(run, "bundle/bundle.json").get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
    }

    @Test
    void aReplyWithoutUsageIsEstimatedMarkedAsSuchAndCountsAgainstTheTokenBudget() throws Exception {
        server.respondWith(request -> FixLoopScenario.answer(request) instanceof ScriptedAnswer.Text text
                ? ScriptedAnswer.withoutUsage(text.text()) : FixLoopScenario.answer(request));
        RunState run;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            run = orchestra.start(request(orchestra, "t1").budget(new Budget(100L, null, null, null, null)).build());
        }

        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(run.failure()).contains("--max-tokens");
        assertThat(server.requests()).as("the fix plan's estimate used up the tokens").hasSize(1);
        assertThat(run.spent().tokens()).isGreaterThan(100);
        assertThat(run.spent().estimatedCalls()).isEqualTo(1);
        assertThat(json(run, "bundle/metrics.json").at("/spent/estimatedCalls").asInt()).isEqualTo(1);
        assertThat(transcriptLines(run).get(0)).contains("\"estimated\":true");
    }

    @Test
    void aRunWaitsAtAHumanGateWithNothingLandedAndResumesWithTheAnswer() throws Exception {
        String base = repo.head();
        RunState waiting;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            waiting = orchestra.start(request(orchestra, "g1").gates(Set.of(Gate.PATCH)).build());
        }
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING_GATE);
        assertThat(waiting.waitingFor()).isEqualTo("patch");
        assertThat(repo.commit("orchestra/g1")).as("nothing lands before the patch gate").isEqualTo(base);
        assertThat(repo.read("greeting.txt")).isEqualTo("hello world\n");

        RunState resumed;
        try (Orchestra orchestra = orchestra(GateKeeper.NOBODY)) {
            resumed = orchestra.resume("g1", new GateAnswer(true, "alice", null), null);
        }

        assertThat(resumed.status()).as(String.join("\n", progress)).isEqualTo(RunStatus.DONE);
        assertThat(resumed.decisions()).filteredOn(d -> d.gate().equals("patch")).as("the answer holds for the fix's patches too")
                .extracting(d -> d.by()).containsExactly("alice", "alice");
        assertThat(repo.log("orchestra/g1")).hasSize(3);
        assertThat(repo.commit("HEAD")).as("the working tree follows the landed branch").isEqualTo(repo.commit("orchestra/g1"));
        assertThat(repo.clean()).isTrue();
    }

    @Test
    void aRejectedGateStopsTheRunAndItsBundleSaysWho() throws Exception {
        GateKeeper bob = request -> Optional.of(new GateAnswer(false, "bob", null));
        RunState run;
        try (Orchestra orchestra = orchestra(bob)) {
            run = orchestra.start(request(orchestra, "r1").gates(Set.of(Gate.PLAN)).build());
        }

        assertThat(run.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(run.failure()).isEqualTo("rejected at the plan gate by bob");
        assertThat(run.status().finished()).isTrue();
        assertThat(json(run, "bundle/bundle.json").get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void withoutAModelBrokenTestsEscalateAndAnEscalatedRunIsFinished() throws Exception {
        RunState run;
        try (Orchestra orchestra = Orchestra.builder(repo.dir()).env(env()).home(temp.resolve("home"))
                .copiesUnder(temp.resolve("copies")).listener(progress::add).build()) {
            RunRequest request = RunRequest.builder().runId("e1").workflow(FixLoopScenario.WORKFLOW,
                    orchestra.workflows().resolve(FixLoopScenario.WORKFLOW)).validateCommand(FixLoopScenario.TEST_COMMAND)
                    .gates(Set.of()).build();
            run = orchestra.start(request);

            assertThat(run.status()).isEqualTo(RunStatus.ESCALATED);
            assertThat(run.failure()).contains("no model is configured to fix it");
            assertThat(run.status().finished()).isTrue();
            assertThat(orchestra.runs().list()).singleElement().satisfies(listed -> assertThat(listed.trusted()).isTrue());
            assertThatThrownBy(() -> orchestra.resume("e1", null, null)).isInstanceOf(BadInputException.class)
                    .hasMessage("run e1 is escalated; there is nothing to resume");
            assertThatThrownBy(orchestra.runs()::latestOpen).hasMessageContaining("no unfinished run");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badRequestValuesAreRefusedWhenTheRequestIsBuiltBeforeTheRepositoryChanges() {
        assertThatThrownBy(() -> RunRequest.builder().task("x").model(MODEL, Map.of()).jobs(0).build())
                .isInstanceOf(BadInputException.class).hasMessage("--jobs 0: must be 1 or more");
        assertThatThrownBy(() -> RunRequest.builder().task("x").model(MODEL, Map.of()).validateCommand("true")
                .externalValidation(true).build()).hasMessage("--validate and --validate-external exclude each other");
        assertThatThrownBy(() -> RunRequest.builder().task("x").build())
                .hasMessageStartingWith("give --workflow NAME, or --model PROVIDER:MODEL");
        assertThatThrownBy(() -> RunRequest.builder().model(MODEL, Map.of()).build())
                .hasMessage("--task is required when the model plans the run");
        assertThatThrownBy(() -> Gate.of("merge")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown gate 'merge'");
        RunRequest request = RunRequest.builder().task("x").model(MODEL, Map.of()).build();
        assertThat(request.gates()).containsExactly(Gate.PLAN, Gate.PATCH, Gate.PR);
        assertThat(request.maxFixIterations()).isEqualTo(3);
        assertThat(request.budget().maxFixIterations()).as("stored once, in the budget").isEqualTo(3);
    }

    private Orchestra orchestra(GateKeeper keeper) {
        return Orchestra.builder(repo.dir()).env(env()).home(temp.resolve("home"))
                .model(Map.of("model", MODEL, "base-url", server.baseUrl() + "/v1", "api-key-env", "MODEL_KEY"))
                .gateKeeper(keeper).listener(progress::add).copiesUnder(temp.resolve("copies")).build();
    }

    private static Map<String, String> env() {
        return Map.of("MODEL_KEY", KEY, RunKey.ENV, "the run key of the engine's tests, long enough");
    }

    private static RunRequest.Builder request(Orchestra orchestra, String runId) {
        return RunRequest.builder().runId(runId)
                .workflow(FixLoopScenario.WORKFLOW, orchestra.workflows().resolve(FixLoopScenario.WORKFLOW))
                .validateCommand(FixLoopScenario.TEST_COMMAND).gates(Set.of())
                .model(orchestra.model().modelId(), Map.of());
    }

    private JsonNode json(RunState run, String file) throws IOException {
        return Json.MAPPER.readTree(repo.dir().resolve(".orchestra/runs").resolve(run.runId()).resolve(file).toFile());
    }

    /** The transcript's model calls (its tool calls left out). */
    private List<String> transcriptLines(RunState run) throws IOException {
        return Files.readAllLines(repo.dir().resolve(".orchestra/runs").resolve(run.runId()).resolve("transcript.jsonl"))
                .stream().filter(line -> line.contains("\"kind\":\"model\"")).toList();
    }
}
