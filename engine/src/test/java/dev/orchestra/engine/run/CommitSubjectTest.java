package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.agent.AgentResult;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.plan.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitSubjectTest {
    static final String LONG = "Add a power(int base, int exponent) method to the Calculator class that multiplies"
            + " base by itself exponent times and returns the result as an int. Negative exponents throw"
            + " an IllegalArgumentException with a message naming the exponent.\nKeep the style of the file.";

    private static String message(String instructions) {
        Step step = new Step("power", "code-writer", instructions, List.of("Calculator.java"), List.of(), Map.of(), "");
        return StepRunner.StepCommits.message("r1", step, AgentResult.succeeded("applied 1 edit(s).", List.of(),
                Usage.NONE), SecretRedactor.withValues());
    }

    @Test
    void aLongInstructionGivesASubjectOfAtMost72CharactersAndTheWholeTextGoesInTheBody() {
        String message = message(LONG);
        String subject = message.lines().findFirst().orElseThrow();

        assertThat(subject).hasSizeLessThanOrEqualTo(72).startsWith("power: Add a power(int base, int exponent)")
                .endsWith("…");
        assertThat(message).contains(LONG, "applied 1 edit(s).", "Orchestra-Step: power");
    }

    @Test
    void theSubjectIsTheFirstSentenceWhenItFits() {
        String message = message("Add power to the calculator. Use a loop, not Math.pow.");

        assertThat(message.lines().findFirst()).hasValue("power: Add power to the calculator.");
        assertThat(message).contains("Use a loop, not Math.pow.");
    }

    @Test
    void aShortInstructionIsTheWholeSubjectAndIsNotRepeatedInTheBody() {
        String message = message("Add power to the calculator");

        assertThat(message).startsWith("power: Add power to the calculator\n\napplied 1 edit(s).\n\n");
    }

    @Test
    void aSubjectWithNoSpaceToCutAtIsCutAtTheLimit() {
        assertThat(CommitSubject.of("s", "x".repeat(100))).hasSize(72).endsWith("…");
    }
}
