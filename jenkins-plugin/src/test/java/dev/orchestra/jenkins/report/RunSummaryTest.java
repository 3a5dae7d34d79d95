package dev.orchestra.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestra.jenkins.run.CliOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static final String JSON = """
            {"runId":"r1","status":"waiting_gate","metrics":{"total":{"inputTokens":1200,"outputTokens":300,"cost":0.0425},
             "testsBefore":{"exitCode":1,"total":10,"passed":8,"failed":1,"errors":1,"skipped":0},
             "testsAfter":{"exitCode":0,"total":11,"passed":10,"failed":0,"errors":0,"skipped":1},"fixIterations":2}}
            """;
    private static final String BUNDLE = """
            {"steps":[{"id":"migrate","agent":"openrewrite","status":"LANDED"},{"id":"fix","agent":"coder","status":"NO_CHANGE"}]}
            """;

    @Test
    void theBuildPageShowsTestsBeforeAndAfterTokensCostAndSteps() {
        RunSummary summary = RunSummary.of("r1", "implement", CliOutput.parse(10, JSON, null), BUNDLE, true);
        assertEquals("8 passed, 2 failing, 0 skipped of 10", summary.getTestsBefore());
        assertEquals("10 passed, 0 failing, 1 skipped of 11", summary.getTestsAfter());
        assertEquals(1500, summary.getTokens());
        assertEquals("$0.0425", summary.getCostText());
        assertEquals(2, summary.getFixIterations());
        assertEquals("waiting gate", summary.getStatus());
        assertEquals(List.of("migrate: openrewrite (landed)", "fix: coder (no change)"), summary.getSteps());
        assertEquals("orchestra/r1/bundle/report.html", summary.getReportArtifact());
    }

    @Test
    void beforeAnyTestRanOrAnyBundleExistsTheSummarySaysSo() {
        RunSummary summary = RunSummary.of("r1", "plan", CliOutput.parse(10, "{\"status\":\"waiting_gate\"}", null), null, false);
        assertEquals("not run", summary.getTestsBefore());
        assertEquals(List.of(), summary.getSteps());
        assertNull(summary.getReportArtifact());
    }
}
