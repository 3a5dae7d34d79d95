package dev.orchestra.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.validate.TestCase.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Path.of(JUnitReportsTest.class.getResource("/junit/" + name).toURI());
    }

    static Map<String, TestCase> readFolder(Path folder) throws Exception {
        List<TestCase> cases = JUnitReports.read(JUnitReports.find(folder, List.of("*.xml"), null));
        return cases.stream().collect(Collectors.toMap(TestCase::id, Function.identity()));
    }

    @Test
    void readsSurefireReportsWithFailuresErrorsAndSkips() throws Exception {
        Map<String, TestCase> cases = readFolder(fixture("surefire"));

        assertThat(cases).hasSize(7);
        assertThat(cases.get("demo.CalculatorTest#addsTwoNumbers").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(cases.get("demo.CalculatorTest#computesSquareRoot").outcome()).isEqualTo(Outcome.SKIPPED);
        TestCase failed = cases.get("demo.CalculatorTest#dividesTwoNumbers");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).isEqualTo("7 / 2 rounds up ==> expected: <4> but was: <3>");
        assertThat(failed.detail()).contains("at demo.CalculatorTest.dividesTwoNumbers(CalculatorTest.java:");
        assertThat(failed.detail().lines().count()).isLessThanOrEqualTo(31);
        TestCase error = cases.get("demo.CalculatorTest#parsesANumber");
        assertThat(error.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(error.message()).isEqualTo("For input string: \"forty-two\"");
        assertThat(cases.get("demo.FlakyTest#passesOnSecondAttempt").outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aTestThatPassedOnRerunCountsAsPassedAndOneThatKeptFailingAsFailed() throws Exception {
        Map<String, TestCase> cases = readFolder(fixture("surefire-rerun"));

        assertThat(cases.get("demo.FlakyTest#passesOnSecondAttempt").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(cases.get("demo.FlakyTest#passesOnSecondAttempt").message()).isEmpty();
        assertThat(cases.get("demo.CalculatorTest#dividesTwoNumbers").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cases.get("demo.CalculatorTest#parsesANumber").outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void readsPytestReportsWithATestsuitesRoot() throws Exception {
        Map<String, TestCase> cases = readFolder(fixture("pytest"));

        assertThat(cases.keySet()).containsExactlyInAnyOrder(
                "test_strings#test_upper", "test_strings#test_split", "test_strings#test_slow");
        assertThat(cases.get("test_strings#test_split").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cases.get("test_strings#test_split").message()).startsWith("AssertionError: assert ['a', 'b']");
        assertThat(cases.get("test_strings#test_slow").outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void testCasesWithoutClassnameTakeTheNameOfTheirInnermostSuite() throws Exception {
        Map<String, TestCase> cases = readFolder(fixture("nested"));

        assertThat(cases.keySet()).containsExactlyInAnyOrder(
                "shop.cart#addsItem", "shop.cart#removesItem", "shop.Checkout#paysByCard");
        assertThat(cases.get("shop.cart#removesItem").message()).isEqualTo("expected 0 items");
        assertThat(cases.get("shop.cart#removesItem").detail()).isEqualTo("expected 0 items\nbut was 1");
        assertThat(cases.get("shop.Checkout#paysByCard").seconds()).isEqualTo(1234.5);
    }

    @Test
    void whenTwoReportsHaveTheSameTestTheWorstOutcomeWins() throws Exception {
        Files.copy(fixture("surefire-rerun").resolve("TEST-demo.FlakyTest.xml"), tmp.resolve("a.xml"));
        Files.copy(fixture("surefire").resolve("TEST-demo.FlakyTest.xml"), tmp.resolve("b.xml"));

        assertThat(readFolder(tmp).get("demo.FlakyTest#passesOnSecondAttempt").outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void findsMavenAndGradleReportsByTheDefaultGlobsAndIgnoresStaleOnes() throws Exception {
        Path report = fixture("surefire").resolve("TEST-demo.FlakyTest.xml");
        Path rootModule = copy(report, "target/surefire-reports/TEST-demo.FlakyTest.xml");
        Path subModule = copy(report, "core/target/failsafe-reports/TEST-demo.FlakyTest.xml");
        Path gradle = copy(report, "app/build/test-results/test/TEST-demo.FlakyTest.xml");
        copy(report, ".orchestra/runs/r1/tests/baseline/target/surefire-reports/TEST-x.xml");
        copy(report, "core/target/surefire-reports/demo.FlakyTest.txt");
        Path stale = copy(report, "old/target/surefire-reports/TEST-old.xml");
        Instant since = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(stale, FileTime.from(since.minusSeconds(3600)));

        assertThat(JUnitReports.find(tmp, JUnitReports.DEFAULT_GLOBS, since))
                .containsExactlyInAnyOrder(rootModule, subModule, gradle);
    }

    @Test
    void aMalformedReportIsBadInputNamingTheFile() throws Exception {
        Path broken = Files.writeString(tmp.resolve("TEST-broken.xml"), "<testsuite><testcase name='x'>");

        assertThatThrownBy(() -> JUnitReports.read(broken))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(broken + ": not a JUnit XML report (");
    }

    @Test
    void anXmlFileThatIsNotAReportIsBadInput() throws Exception {
        Path pom = Files.writeString(tmp.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion></project>");

        assertThatThrownBy(() -> JUnitReports.read(pom))
                .isInstanceOf(BadInputException.class)
                .hasMessage(pom + ": not a JUnit XML report (root element is <project>)");
    }

    @Test
    void aReportCannotPullOtherFilesInThroughExternalEntities() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Path evil = Files.writeString(tmp.resolve("TEST-evil.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY leak SYSTEM "%s">]>
                <testsuite name="s"><testcase classname="c" name="t"><failure message="x">&leak;</failure></testcase></testsuite>
                """.formatted(secret.toUri()));

        List<TestCase> cases = JUnitReports.read(evil);

        assertThat(cases).singleElement().satisfies(c -> assertThat(c.detail()).doesNotContain("TOP-SECRET-VALUE"));
    }

    private Path copy(Path source, String relative) throws Exception {
        Path target = tmp.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.copy(source, target);
    }
}
