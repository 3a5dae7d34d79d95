package dev.orchestra.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.validate.TestCase.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestComparisonsTest {
    static TestCase test(String id, Outcome outcome) {
        return new TestCase(id, outcome, "", "", 0.1);
    }

    @Test
    void sortsEveryTestIntoWhatChangedSinceTheBaseline() {
        TestRun baseline = new TestRun(1, List.of(
                test("A#keepsPassing", Outcome.PASSED),
                test("A#breaks", Outcome.PASSED),
                test("A#getsFixed", Outcome.FAILED),
                test("A#staysBroken", Outcome.ERROR),
                test("A#isRemoved", Outcome.PASSED),
                test("A#isNowSkipped", Outcome.PASSED),
                test("A#wasSkipped", Outcome.SKIPPED)), 10);
        TestRun after = new TestRun(1, List.of(
                test("A#keepsPassing", Outcome.PASSED),
                test("A#breaks", Outcome.ERROR),
                test("A#getsFixed", Outcome.PASSED),
                test("A#staysBroken", Outcome.FAILED),
                test("A#isNowSkipped", Outcome.SKIPPED),
                test("A#wasSkipped", Outcome.SKIPPED),
                test("B#isNew", Outcome.PASSED),
                test("B#isNewAndBroken", Outcome.FAILED)), 10);

        TestComparison comparison = TestComparisons.compare(baseline, after);

        assertThat(comparison.newlyFailing()).containsExactly("A#breaks", "B#isNewAndBroken");
        assertThat(comparison.newlyPassing()).containsExactly("A#getsFixed");
        assertThat(comparison.stillFailing()).containsExactly("A#staysBroken");
        assertThat(comparison.notRun()).containsExactly("A#isNowSkipped", "A#isRemoved");
        assertThat(comparison.added()).containsExactly("B#isNew");
        assertThat(comparison.stillPassing()).isEqualTo(1);
    }

    @Test
    void parameterizedTestsRenamedByJUnit5AreNeitherLostNorAdded() {
        TestRun baseline = new TestRun(1, List.of(
                test("A#parse[0]", Outcome.PASSED),
                test("A#parse[1]", Outcome.PASSED),
                test("A#convert[0]", Outcome.PASSED),
                test("A#convert[1]", Outcome.PASSED),
                test("A#gone[0]", Outcome.PASSED),
                test("A#plain", Outcome.PASSED)), 10);
        TestRun after = new TestRun(1, List.of(
                test("A#parse(String)[1]", Outcome.PASSED),
                test("A#parse(String)[2]", Outcome.PASSED),
                test("A#convert(String, int)[1]", Outcome.FAILED),
                test("A#plain", Outcome.PASSED),
                test("A#plainer", Outcome.PASSED)), 10);

        TestComparison comparison = TestComparisons.compare(baseline, after);

        assertThat(comparison.renamed()).containsExactly("A#convert[0] → A#convert(String, int)[1]",
                "A#parse[0] → A#parse(String)[1]", "A#parse[1] → A#parse(String)[2]");
        assertThat(comparison.notRun()).containsExactly("A#convert[1]", "A#gone[0]");
        assertThat(comparison.newlyFailing()).containsExactly("A#convert(String, int)[1]");
        assertThat(comparison.added()).containsExactly("A#plainer");
    }
}
