package dev.orchestra.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.validate.TestCase.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandValidationTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheCommandAndReadsTheReportsItWrote() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path fixtures = JUnitReportsTest.fixture("surefire");
        String command = "mkdir -p core/target/surefire-reports && cp '" + fixtures + "'/TEST-*.xml core/target/surefire-reports/"
                + " && echo tests ran && exit 1";
        Path log = tmp.resolve("run/logs/baseline.log");
        Path copies = tmp.resolve("run/tests/baseline");

        TestRun run = new CommandValidation(repo, List.of(), Duration.ofMinutes(1)).run(command, log, copies);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.passed()).isFalse();
        assertThat(run.cases()).hasSize(7);
        assertThat(run.count(Outcome.PASSED)).isEqualTo(3);
        assertThat(Files.readString(log)).contains("tests ran");
        assertThat(copies.resolve("TEST-demo.CalculatorTest.xml")).exists();
        assertThat(copies.resolve("TEST-demo.FlakyTest.xml")).exists();
    }

    @Test
    void theTestsNeverSeeTheOperatorsRunKey() throws Exception {
        assertThat(System.getenv("ORCHESTRA_RUN_KEY")).as("set by the surefire configuration").isNotBlank();
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        new CommandValidation(repo, List.of(), Duration.ofMinutes(1))
                .run("echo \"key=$ORCHESTRA_RUN_KEY\" > seen.txt", tmp.resolve("run/logs/v.log"), tmp.resolve("run/tests/v"));
        assertThat(repo.resolve("seen.txt")).hasContent("key=");
    }

    @Test
    void aCommandKilledAtItsTimeLimitIsTimedOutNotAnExitCode() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        TestRun run = new CommandValidation(repo, List.of(), Duration.ofSeconds(1))
                .run("sleep 30", tmp.resolve("run/logs/v.log"), tmp.resolve("run/tests/v"));
        assertThat(run.timedOut()).isTrue();
        assertThat(run.passed()).isFalse();
        assertThat(run.summary()).endsWith("(timed out after 1 s)");
    }

    @Test
    void reportsLeftByAnEarlierBuildAreIgnored() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path reports = Files.createDirectories(repo.resolve("target/surefire-reports"));
        Path stale = Files.copy(JUnitReportsTest.fixture("surefire").resolve("TEST-demo.CalculatorTest.xml"),
                reports.resolve("TEST-demo.CalculatorTest.xml"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        String command = "cp '" + JUnitReportsTest.fixture("pytest") + "/pytest-report.xml' target/surefire-reports/TEST-py.xml";
        Path copies = tmp.resolve("run/tests/final");

        TestRun run = new CommandValidation(repo, List.of(), Duration.ofMinutes(1))
                .run(command, tmp.resolve("run/logs/validate.log"), copies);

        assertThat(run.exitCode()).isZero();
        assertThat(run.cases()).extracting(TestCase::id)
                .containsExactly("test_strings#test_slow", "test_strings#test_split", "test_strings#test_upper");
        try (var files = Files.list(copies)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("TEST-py.xml");
        }
    }

    @Test
    void aCommandOverItsTimeLimitIsKilledAndReportedAsExitMinusOne() throws Exception {
        TestRun run = new CommandValidation(tmp, List.of(), Duration.ofMillis(300))
                .run("sleep 30", tmp.resolve("validate.log"), tmp.resolve("copies"));

        assertThat(run.exitCode()).isEqualTo(-1);
        assertThat(run.passed()).isFalse();
    }

    @Test
    void anExternalHookIsReadFromItsExitCodeAndReportGlobWithoutClobberingSameNamedReports() throws Exception {
        Path workspace = tmp.resolve("ws");
        Path report = JUnitReportsTest.fixture("surefire-rerun").resolve("TEST-demo.FlakyTest.xml");
        for (String module : List.of("api", "core")) {
            Path dir = Files.createDirectories(workspace.resolve(module + "/target/surefire-reports"));
            Files.copy(report, dir.resolve("TEST-demo.FlakyTest.xml"));
        }
        Path copies = Files.createDirectories(tmp.resolve("run/tests/final"));
        Files.writeString(copies.resolve("TEST-left-from-an-earlier-attempt.xml"), "<testsuite/>");

        TestRun run = CommandValidation.fromHook(0, workspace, List.of("**/surefire-reports/*.xml"), null, copies, 1234);

        assertThat(run.passed()).isTrue();
        assertThat(run.durationMillis()).isEqualTo(1234);
        assertThat(run.cases()).extracting(TestCase::id)
                .containsExactly("demo.FlakyTest#greetsTheWorld", "demo.FlakyTest#passesOnSecondAttempt");
        try (var files = Files.list(copies)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("TEST-demo.FlakyTest.xml", "TEST-demo.FlakyTest-2.xml");
        }
    }
}
