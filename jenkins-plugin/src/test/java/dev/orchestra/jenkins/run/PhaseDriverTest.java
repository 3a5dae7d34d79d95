package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestra.jenkins.run.NextMove.Fail;
import dev.orchestra.jenkins.run.NextMove.Finish;
import dev.orchestra.jenkins.run.NextMove.RunBody;
import dev.orchestra.jenkins.run.NextMove.RunCli;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseDriverTest {
    private static StepArguments args(Phase phase, boolean body) {
        return new StepArguments().phase(phase).runId("r1").workflow("junit4-to-junit5").hasBody(body)
                .approvedBy("alice").check();
    }

    private static CliOutput out(int exit, String status, String waitingFor) {
        return CliOutput.parse(exit, "{\"runId\":\"r1\",\"status\":\"" + status + "\",\"waitingFor\":"
                + (waitingFor == null ? "null" : "\"" + waitingFor + "\"") + ",\"failure\":\"step 2 failed\"}", null);
    }

    private static List<String> cli(NextMove move) {
        return assertInstanceOf(RunCli.class, move).arguments();
    }

    @Test
    void planStartsARunWithThePlanAndPrGatesAndStopsAtThePlanGate() {
        PhaseDriver driver = new PhaseDriver(args(Phase.PLAN, false), "/ws@tmp/task.md", null, null);
        List<String> start = cli(driver.first(false));
        assertEquals("run", start.get(0));
        assertTrue(String.join(" ", start).contains("--gates plan,pr"));
        assertTrue(String.join(" ", start).contains("--task @/ws@tmp/task.md"));
        Finish finish = assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "plan")));
        assertFalse(finish.unstable());
    }

    @Test
    void implementApprovesTheEditedPlanThenRunsTheBodyForEachValidationUntilThePrGate() {
        PhaseDriver driver = new PhaseDriver(args(Phase.IMPLEMENT, true), null, null, "/ws@tmp/plan.md");
        assertEquals(List.of("status", "--json", "--run-id", "r1"), cli(driver.first(true)));
        assertEquals(List.of("resume", "--json", "--run-id", "r1", "--approve", "--edited-plan", "/ws@tmp/plan.md",
                "--by", "alice"), cli(driver.afterCli(out(0, "waiting_gate", "plan"))));
        assertInstanceOf(RunBody.class, driver.afterCli(out(11, "waiting_validation", "baseline")));
        assertEquals(List.of("resume", "--json", "--run-id", "r1", "--validation-exit", "0", "--junit",
                StepArguments.DEFAULT_JUNIT), cli(driver.afterBody(true)));
        assertInstanceOf(RunBody.class, driver.afterCli(out(11, "waiting_validation", "final")));
        assertTrue(cli(driver.afterBody(false)).containsAll(List.of("--validation-exit", "1")));
        assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "pr")));
    }

    @Test
    void finalizeApprovesThePrGateAndFinishesWhenTheRunIsDone() {
        PhaseDriver driver = new PhaseDriver(args(Phase.FINALIZE, false), null, null, null);
        cli(driver.first(true));
        List<String> approve = cli(driver.afterCli(out(0, "waiting_gate", "pr")));
        assertFalse(approve.contains("--edited-plan"));
        assertInstanceOf(Finish.class, driver.afterCli(out(0, "done", null)));
    }

    @Test
    void aGateThatStillWaitsAfterItsApprovalFailsInsteadOfLooping() {
        PhaseDriver driver = new PhaseDriver(args(Phase.FINALIZE, false), null, null, null);
        cli(driver.afterCli(out(0, "waiting_gate", "pr")));
        assertInstanceOf(Fail.class, driver.afterCli(out(10, "waiting_gate", "pr")));
    }

    @Test
    void implementOrFinalizeWithoutARunFailsNamingThePlanPhase() {
        Fail fail = assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.IMPLEMENT, true), null, null, null).first(false));
        assertTrue(fail.message().contains("phase: 'plan' first"), fail.message());
    }

    @Test
    void finalizeAtThePlanGateSaysToImplementFirst() {
        Fail fail = assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.FINALIZE, false), null, null, null)
                .afterCli(out(0, "waiting_gate", "plan")));
        assertTrue(fail.message().contains("'implement' first"), fail.message());
    }

    @Test
    void escalationFinishesUnstableAndBudgetFailureFails() {
        PhaseDriver driver = new PhaseDriver(args(Phase.RUN, true), null, null, null);
        assertTrue(assertInstanceOf(Finish.class, driver.afterCli(out(12, "escalated", null))).unstable());
        assertEquals("budget exhausted: step 2 failed",
                assertInstanceOf(Fail.class, driver.afterCli(out(3, "budget_exhausted", null))).message());
        assertEquals("step 2 failed", assertInstanceOf(Fail.class, driver.afterCli(out(1, "failed", null))).message());
    }

    @Test
    void badInputFailsWithTheCliErrorLine() {
        Fail fail = assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.RUN, false), null, null, null)
                .afterCli(CliOutput.parse(2, "", "orchestra: --workflow nope: no such workflow")));
        assertEquals("--workflow nope: no such workflow", fail.message());
    }

    @Test
    void validationWithoutABodyFails() {
        assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.RUN, false), null, null, null)
                .afterCli(out(11, "waiting_validation", "baseline")));
    }

    @Test
    void aRunKilledMidwayIsResumedOnceThenFails() {
        PhaseDriver driver = new PhaseDriver(args(Phase.RUN, false), null, null, null);
        assertEquals(List.of("resume", "--json", "--run-id", "r1"), cli(driver.afterCli(out(1, "running", null))));
        assertInstanceOf(Fail.class, driver.afterCli(out(1, "running", null)));
    }
}
