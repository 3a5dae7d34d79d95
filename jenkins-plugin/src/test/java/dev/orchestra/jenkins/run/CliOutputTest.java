package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOutputTest {
    private static final String JSON = """
            {"runId":"r1","status":"waiting_gate","exitCode":10,"phase":"plan","waitingFor":"pr","branch":"orchestra/r1",
             "failure":null,"plan":"# Plan\\n","summary":"## Summary","reportPath":"/ws/.orchestra/runs/r1/bundle/report.html",
             "bundlePath":null,"metrics":{"total":{"inputTokens":10,"outputTokens":5,"cost":0.01},"fixIterations":1}}
            """;

    @Test
    void theStepReturnsThePlanSummaryStatusReportAndMetrics() {
        Map<String, Object> result = CliOutput.parse(10, JSON, null).stepResult();
        assertEquals("# Plan\n", result.get("plan"));
        assertEquals("## Summary", result.get("summary"));
        assertEquals("waiting_gate", result.get("status"));
        assertEquals("/ws/.orchestra/runs/r1/bundle/report.html", result.get("reportPath"));
        assertEquals(1, ((Map<?, ?>) result.get("metrics")).get("fixIterations"));
        assertEquals("pr", result.get("waitingFor"));
        assertEquals(10, result.get("exitCode"));
    }

    @Test
    void atAGateBeforeTheBundleTheSummaryIsWhatTheGateShowsWithItsQuestion() {
        Map<String, Object> result = CliOutput.parse(10, """
                {"runId":"r1","status":"waiting_gate","waitingFor":"patch","summary":null,
                 "gateQuestion":"Land these patches on orchestra/r1?","gateDetails":"greet (command): 1 files, +1 -0",
                 "metrics":{"fixIterations":2}}
                """, null).stepResult();
        assertEquals("greet (command): 1 files, +1 -0", result.get("summary"));
        assertEquals("Land these patches on orchestra/r1?", result.get("question"));
        assertEquals(2, CliOutput.parse(10, "{\"runId\":\"r1\",\"metrics\":{\"fixIterations\":2}}", null).fixIterations());
    }

    @Test
    void anErrorObjectOnStdoutIsTheReasonWhenStderrSaidNothing() {
        CliOutput out = CliOutput.parse(2, "{\"error\":\"run r1 refused: the repository tracks .orchestra/runs/r1/state.json\","
                + "\"exitCode\":2}", null);
        assertNull(out.status());
        assertEquals("run r1 refused: the repository tracks .orchestra/runs/r1/state.json", out.why());
    }

    @Test
    void noJsonOnStdoutLeavesTheErrorLineAsTheReason() {
        CliOutput out = CliOutput.parse(2, "", "orchestra: --edited-plan plan.md:3: bad step");
        assertFalse(out.hasJson());
        assertNull(out.status());
        assertEquals("--edited-plan plan.md:3: bad step", out.why());
    }
}
