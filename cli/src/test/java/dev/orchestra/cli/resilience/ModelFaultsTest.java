package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.demo.SampleProject;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import dev.orchestra.testsupport.SearchReplaceBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature task planned and written by a model over the OpenAI wire format, where a fixed, seeded 20% of the model
 * calls first fail (429 with Retry-After 0 or 1, 500, a body cut off mid-way, a body that is not JSON) before the real
 * answer: every run still ends with exactly the patches of a run that met no fault.
 */
class ModelFaultsTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";
    static final String CALCULATOR = "src/main/java/demo/Calculator.java";
    static final String CALCULATOR_TEST = "src/test/java/demo/CalculatorTest.java";
    static final int FAULTY_RUNS = 7;
    static final int CALLS_PER_RUN = 4; // plan, code writer, test writer, account
    static final long SEED = 20_250_601L;

    static final Reliability.Section SECTION = new Reliability.Section("faults", "Model faults", "survived",
            "Runs of a feature task (planner, code writer, test writer, account) where a seeded 20% of the model calls "
                    + "first fail once; a case holds when the run still ends with exit 0 and exactly the patches of a "
                    + "fault-free run (the diff parts of `bundle/patches/*.patch`).");

    @TempDir
    Path temp;

    @AfterAll
    static void writeCounts() {
        SECTION.write();
    }

    /** The faults, by the number of the logical model call (across all faulty runs) they hit. */
    private static Map<Integer, ScriptedAnswer> schedule() {
        int calls = FAULTY_RUNS * CALLS_PER_RUN;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            numbers.add(i);
        }
        Random random = new Random(SEED);
        Collections.shuffle(numbers, random);
        List<ScriptedAnswer> kinds = List.of(ScriptedAnswer.status(429, "0"), ScriptedAnswer.status(500),
                ScriptedAnswer.truncated(), ScriptedAnswer.malformed(), ScriptedAnswer.status(429, "1"));
        Map<Integer, ScriptedAnswer> faults = new HashMap<>();
        for (int i = 0; i < calls / 5; i++) {
            faults.put(numbers.get(i), kinds.get(i % kinds.size()));
        }
        return faults;
    }

    @Test
    void aRunWhoseModelCallsFailFirstEndsWithTheSamePatchesAsACleanRun() throws Exception {
        String clean;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(ModelFaultsTest::answer)) {
            clean = run(server, temp.resolve("clean"));
        }
        assertThat(clean).contains("+    public int power(int base, int exponent) {", "+    public void raisesToAPower() {");

        Map<Integer, ScriptedAnswer> faults = schedule();
        FaultyModel model = new FaultyModel(faults);
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(model::answer)) {
            for (int r = 0; r < FAULTY_RUNS; r++) {
                List<String> before = new ArrayList<>(model.injected);
                String patches = run(server, temp.resolve("faulty-" + r));
                List<String> injected = model.injected.subList(before.size(), model.injected.size());
                assertThat(patches).as("patches of run %d, which met %s", r, injected).isEqualTo(clean);
                injected.forEach(kind -> SECTION.tally(kind).held());
            }
        }
        assertThat(model.injected).as("a fifth of the calls").hasSize(faults.size());
        assertThat(model.calls).as("every call answered once").isEqualTo(FAULTY_RUNS * CALLS_PER_RUN);
        SECTION.note(FAULTY_RUNS + " runs, " + model.calls + " model calls, " + model.injected.size()
                + " of them failed first (seed " + SEED + "); every run ended with exit 0 and the clean run's patches.");
    }

    /** Runs the task on a fresh copy of the sample project; returns the diff parts of its patches. */
    private static String run(ScriptedModelServer server, Path project) throws Exception {
        Files.createDirectories(project);
        SampleProject.writeTo(project);
        Cli.write(project, "check.sh", Cli.checkScript("hasPower", CALCULATOR, "int power("));
        Cli.commitAll(project, "initial");
        CliRunner.Result result = Cli.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), "run", "--repo", project.toString(),
                "--task", "Add a power function to the calculator, with a test.", "--model", "openai:gpt-4o-mini",
                "--base-url", server.baseUrl() + "/v1", "--api-key-env", "ORCHESTRA_TEST_KEY",
                "--validate", "sh check.sh", "--gates", "none", "--run-id", "f1", "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Json.MAPPER.readTree(result.out()).get("metrics").get("testsAfter").get("passed").asInt()).isEqualTo(2);
        return diffParts(project.resolve(".orchestra/runs/f1/bundle/patches"));
    }

    static String diffParts(Path patches) throws Exception {
        StringBuilder diffs = new StringBuilder();
        try (Stream<Path> files = Files.list(patches)) {
            for (Path patch : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(patch);
                int start = 0;
                while (start < lines.size() && !lines.get(start).startsWith("diff --git ")) {
                    start++;
                }
                int end = lines.lastIndexOf("-- ");
                diffs.append(String.join("\n", lines.subList(start, end < start ? lines.size() : end))).append("\n");
            }
        }
        return diffs.toString();
    }

    /** Answers like {@link #answer}, but a scheduled call first gets its fault; its retry gets the real answer. */
    static final class FaultyModel {
        final Map<Integer, ScriptedAnswer> faults;
        final List<String> injected = Collections.synchronizedList(new ArrayList<>());
        int calls;
        boolean retryDue;

        FaultyModel(Map<Integer, ScriptedAnswer> faults) {
            this.faults = faults;
        }

        synchronized ScriptedAnswer answer(RecordedRequest request) {
            if (retryDue) {
                retryDue = false;
                return ModelFaultsTest.answer(request);
            }
            ScriptedAnswer fault = faults.get(calls++);
            if (fault == null) {
                return ModelFaultsTest.answer(request);
            }
            retryDue = true;
            SECTION.tally(name(fault)).tried();
            injected.add(name(fault));
            return fault;
        }

        private static String name(ScriptedAnswer fault) {
            if (fault instanceof ScriptedAnswer.Status status) {
                return "HTTP " + status.code() + (status.retryAfter() == null ? "" : ", Retry-After " + status.retryAfter());
            }
            return fault instanceof ScriptedAnswer.Truncated ? "body cut off" : "body not JSON";
        }
    }

    static ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        if (system.contains("You are the planner")) {
            return ScriptedAnswer.text("{\"summary\": \"Add power with a test.\", \"steps\": ["
                    + step("power", "code-writer", "Add power(int base, int exponent) to Calculator.", CALCULATOR, List.of())
                    + "," + step("power-test", "test-writer", "Test power.", CALCULATOR_TEST, List.of("power")) + "]}");
        }
        if (system.contains("test writer")) {
            return ScriptedAnswer.text(edits(CALCULATOR_TEST, "    @Test(expected = ArithmeticException.class)",
                    "    @Test\n    public void raisesToAPower() {\n        assertEquals(8, calculator.power(2, 3));\n    }\n\n"
                            + "    @Test(expected = ArithmeticException.class)"));
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.text(edits(CALCULATOR, POWER_SEARCH, POWER_REPLACE));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(json(Map.of("changes", "Adds power() to the calculator, with a test.",
                    "risks", List.of("Negative exponents are not handled."), "files", List.of(CALCULATOR, CALCULATOR_TEST),
                    "tests", List.of("demo.CalculatorTest#raisesToAPower"))));
        }
        return ScriptedAnswer.status(400);
    }

    /** The code writer's edit: power() goes in above divide(). */
    static final String POWER_SEARCH = "    public int divide(int a, int b) {";
    static final String POWER_REPLACE = "    public int power(int base, int exponent) {\n        int result = 1;\n"
            + "        for (int i = 0; i < exponent; i++) {\n            result *= base;\n        }\n"
            + "        return result;\n    }\n\n    public int divide(int a, int b) {";

    static String step(String id, String agent, String instructions, String file, List<String> needs) {
        return json(Map.of("id", id, "agent", agent, "instructions", instructions, "files", List.of(file),
                "new_files", List.of(), "needs", needs, "acceptance", "The tests pass."));
    }

    /** A writer's edit as SEARCH/REPLACE blocks, the format its prompt asks for. */
    static String edits(String path, String search, String replace) {
        return SearchReplaceBlocks.text("Does what the step asks.", path, search, replace);
    }

    /** The same edit in the JSON form, as the arguments of a tool call carry it. */
    static String editsAsJson(String path, String search, String replace) {
        return json(Map.of("edits", List.of(Map.of("path", path, "search", search, "replace", replace)),
                "rationale", "Does what the step asks."));
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
