package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void nothingGivenIsNull() {
        assertNull(StepArguments.firstGiven(null, " "));
    }
}
