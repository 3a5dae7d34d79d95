package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepArgumentsTest {
    @Test
    void aStepArgumentWinsOverTheGlobalDefault() {
        assertEquals("anthropic:claude", StepArguments.firstGiven("anthropic:claude", "openai:gpt-4o"));
    }

    @Test
    void aBlankStepArgumentFallsBackToTheDefault() {
        assertEquals("openai:gpt-4o", StepArguments.firstGiven("  ", "openai:gpt-4o"));
        assertEquals("jenkins", StepArguments.firstGiven(null, "", "jenkins"));
    }

    @Test
    void eachPhaseAnswersItsOwnGateUnlessImplementIsToldThePatchGate() {
        assertEquals("plan", new StepArguments().phase(Phase.IMPLEMENT).runId("r").check().answeredGate());
        assertEquals("patch", new StepArguments().phase(Phase.IMPLEMENT).gate("patch").runId("r").check().answeredGate());
        assertEquals("pr", new StepArguments().phase(Phase.FINALIZE).runId("r").check().answeredGate());
        assertNull(new StepArguments().phase(Phase.PLAN).runId("r").check().answeredGate());
    }

    @Test
    void theGlobalModelIsTheDefaultOfANewRunOnly() {
        StepArguments plan = new StepArguments().phase(Phase.PLAN).runId("r").newRunDefaults("openai:gpt-4o", "http://m/v1");
        assertEquals(List.of("--model", "openai:gpt-4o", "--base-url", "http://m/v1"),
                new CliCommands(plan.check()).start(null, null).subList(6, 10));
        StepArguments implement = new StepArguments().phase(Phase.IMPLEMENT).runId("r")
                .newRunDefaults("openai:gpt-4o", "http://m/v1").check();
        assertNull(implement.model);
    }

    @Test
    void whatARunStartsWithIsRefusedWhenAPhaseContinuesIt() {
        BadStepArgumentException e = assertThrows(BadStepArgumentException.class,
                () -> new StepArguments().phase(Phase.IMPLEMENT).runId("r").maxCost(5.0).check());
        assertEquals("maxCost: set when the run starts (phase 'plan'); phase 'implement' continues the run as it was"
                + " started", e.getMessage());
        assertThrows(BadStepArgumentException.class,
                () -> new StepArguments().phase(Phase.FINALIZE).runId("r").workflow("wf").check());
    }

    @Test
    void nothingGivenIsNull() {
        assertNull(StepArguments.firstGiven(null, " "));
    }
}
