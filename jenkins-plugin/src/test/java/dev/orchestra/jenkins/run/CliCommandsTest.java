package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliCommandsTest {
    @Test
    void runPhasePassesEveryGivenOptionAndNoGates() {
        StepArguments args = new StepArguments().phase(Phase.RUN).runId("nightly-1").workflow("wf.yml")
                .model("openai:gpt-4o").baseUrl("http://127.0.0.1:8080/v1").hasApiKey(true).maxFixIterations(2)
                .maxTokens(100000).maxCost(2.5).maxModelCalls(40).maxMinutes(30).hasBody(true)
                .junitResults("a/*.xml, b/*.xml").check();
        assertEquals(List.of("run", "--json", "--run-id", "nightly-1", "--gates", "none", "--workflow", "wf.yml",
                "--task", "@/tmp/task.md", "--model", "openai:gpt-4o", "--base-url", "http://127.0.0.1:8080/v1",
                "--api-key-env", "ORCHESTRA_API_KEY", "--max-fix-iterations", "2", "--max-tokens", "100000",
                "--max-cost", "2.5", "--max-model-calls", "40", "--max-minutes", "30", "--prices", "/tmp/prices.yml",
                "--validate-external", "--junit", "a/*.xml", "--junit", "b/*.xml"),
                new CliCommands(args).start("/tmp/task.md", "/tmp/prices.yml"));
    }

    @Test
    void aPlannedRunWaitsForTheLaterCallsTestsUnlessItHasNone() {
        List<String> cmd = new CliCommands(new StepArguments().phase(Phase.PLAN).runId("r").check()).start(null, null);
        assertEquals(List.of("run", "--json", "--run-id", "r", "--gates", "plan,patch,pr", "--validate-external",
                "--junit", StepArguments.DEFAULT_JUNIT), cmd);
        assertEquals(List.of("run", "--json", "--run-id", "r", "--gates", "plan,patch,pr"), new CliCommands(
                new StepArguments().phase(Phase.PLAN).runId("r").noTests(true).check()).start(null, null));
        assertFalse(new CliCommands(new StepArguments().phase(Phase.RUN).runId("r").check()).start(null, null)
                .contains("--validate-external"), "orchestrate phase: 'run' has no body: no tests");
    }

    @Test
    void eachStepRefusesThePhasesItCannotServe() {
        assertEquals("phase 'finalize' runs no tests: call orchestrate phase: 'finalize' (the step without a body)",
                assertThrows(BadStepArgumentException.class, () -> new StepArguments().phase(Phase.FINALIZE).runId("r")
                        .hasBody(true).check()).getMessage());
        assertThrows(BadStepArgumentException.class,
                () -> new StepArguments().phase(Phase.PLAN).runId("r").hasBody(true).check());
        assertTrue(assertThrows(BadStepArgumentException.class, () -> new StepArguments().phase(Phase.IMPLEMENT)
                .runId("r").noTests(true).check()).getMessage().startsWith("noTests: set when the run starts"));
        assertEquals("orchestrateWithTests", new StepArguments().phase(Phase.RUN).runId("r").hasBody(true).check().stepName());
    }

    @Test
    void theBuildLogShowsNoPasswordOfABaseUrl() {
        assertEquals("orchestra run --base-url https://****@llm.example.com/v1 --json",
                CliCommands.display(List.of("run", "--base-url", "https://user:pa55@llm.example.com/v1", "--json")));
        assertEquals("orchestra run --base-url http://127.0.0.1:8080/v1",
                CliCommands.display(List.of("run", "--base-url", "http://127.0.0.1:8080/v1")));
    }

    @Test
    void aRunTravelsBetweenNodeBlocksAsOneFile() {
        assertEquals(List.of("export", "--json", "--run-id", "r", "--to", "/ws@tmp/r.orchestra"),
                new CliCommands(new StepArguments().runId("r").check()).export("/ws@tmp/r.orchestra"));
        assertEquals(List.of("import", "--json", "--from", "/ws@tmp/r.orchestra"),
                CliCommands.importFrom("/ws@tmp/r.orchestra"));
    }

    @Test
    void aCredentialReachesTheCommandLineOnlyAsTheNameOfItsVariable() {
        List<String> cmd = new CliCommands(new StepArguments().runId("r").hasApiKey(true).check()).start(null, null);
        assertEquals(CliCommands.API_KEY_ENV, cmd.get(cmd.indexOf("--api-key-env") + 1));
        assertFalse(new CliCommands(new StepArguments().runId("r").check()).start(null, null).contains("--api-key-env"));
    }

    @Test
    void badArgumentsAreRefusedNamingTheArgument() {
        assertTrue(assertThrows(BadStepArgumentException.class, () -> new StepArguments().runId("r").task("t")
                .taskFile("f").check()).getMessage().startsWith("task and taskFile"));
        assertTrue(assertThrows(BadStepArgumentException.class, () -> new StepArguments().runId("a b").check())
                .getMessage().startsWith("runId 'a b'"));
        assertTrue(assertThrows(BadStepArgumentException.class, () -> new StepArguments().runId("r").maxCost(0.0)
                .check()).getMessage().startsWith("maxCost"));
        assertTrue(assertThrows(BadStepArgumentException.class, () -> Phase.parse("deploy")).getMessage()
                .startsWith("phase 'deploy'"));
        assertEquals("gate 'pr': phase 'implement' approves 'plan' or 'patch'", assertThrows(
                BadStepArgumentException.class, () -> new StepArguments().phase(Phase.IMPLEMENT).runId("r").gate("pr")
                        .check()).getMessage());
        assertEquals("gate 'patch': phase 'run' approves no gate", assertThrows(BadStepArgumentException.class,
                () -> new StepArguments().phase(Phase.RUN).runId("r").gate("patch").check()).getMessage());
        assertTrue(assertThrows(BadStepArgumentException.class, () -> new StepArguments().phase(Phase.IMPLEMENT)
                .runId("r").gate("patch").hasPlan(true).check()).getMessage().startsWith("plan: an edited plan goes"));
    }

    @Test
    void theDefaultRunIdNamesTheJobAndBuildAndIsAValidRunId() {
        String id = StepArguments.defaultRunId("team/feature job", 42);
        assertEquals("jenkins-team-feature-job-42", id);
        new StepArguments().runId(id).check();
    }
}
