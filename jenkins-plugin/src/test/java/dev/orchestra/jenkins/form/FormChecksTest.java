package dev.orchestra.jenkins.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormChecksTest {
    @Test
    void aModelIsAKnownProviderAndAName() {
        assertNull(FormChecks.model("openai:gpt-4o"));
        assertNull(FormChecks.model(""), "blank: the global default applies");
        assertEquals("Write PROVIDER:MODEL, e.g. openai:gpt-4o", FormChecks.model("gpt-4o"));
        assertEquals("Unknown provider 'azure': use openai, anthropic, ollama, openai-compatible",
                FormChecks.model("azure:gpt-4o"));
    }

    @Test
    void thePriceTableHasOneModelPerLine() {
        assertNull(FormChecks.prices("gpt-4o: {input: 2.5, output: 10}\n\n# local\nqwen2.5-coder: {input: 0, output: 0}\n"));
        assertEquals("Line 2: write MODEL: {input: N, output: N}, in US dollars per million tokens",
                FormChecks.prices("gpt-4o: {input: 2.5, output: 10}\nclaude: 3 dollars"));
    }

    @Test
    void aBlankNumberMeansNoneAndOthersAreWholeNumbersInRange() {
        assertNull(FormChecks.wholeNumber(" ", 1));
        assertNull(FormChecks.wholeNumber("0", 0));
        assertEquals("At least 1", FormChecks.wholeNumber("0", 1));
        assertEquals("A whole number, or blank for none", FormChecks.wholeNumber("ten", 1));
    }
}
