package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestra.jenkins.run.NextMove.Fail;
import dev.orchestra.jenkins.run.NextMove.Finish;
import dev.orchestra.jenkins.run.NextMove.RunBody;
import dev.orchestra.jenkins.run.NextMove.RunCli;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseDriverTest {
    private static StepArguments args(Phase phase, boolean body) {
        return new StepArguments().phase(phase).runId("r1").workflow(phase.startsRun() ? "junit4-to-junit5" : null)
                .hasBody(body).approvedBy("alice").check();
    }

    private static StepArguments patchGate() {
        return new StepArguments().phase(Phase.IMPLEMENT).gate("patch").runId("r1").hasBody(true).approvedBy("bob")
                .check();
    }

    private static CliOutput out(int exit, String status, String waitingFor) {
        return out(exit, status, waitingFor, 0);
    }

    private static CliOutput out(int exit, String status, String waitingFor, int fixIterations) {
        return CliOutput.parse(exit, "{\"runId\":\"r1\",\"status\":\"" + status + "\",\"waitingFor\":"
                + (waitingFor == null ? "null" : "\"" + waitingFor + "\"") + ",\"failure\":\"step 2 failed\","
                + "\"metrics\":{\"fixIterations\":" + fixIterations + "}}", null);
    }

    private static List<String> cli(NextMove move) {
        return assertInstanceOf(RunCli.class, move).arguments();
    }

    @Test
    void planStartsARunWithAllThreeGatesAndStopsAtThePlanGate() {
        PhaseDriver driver = new PhaseDriver(args(Phase.PLAN, false), "/ws@tmp/task.md", null, null);
        List<String> start = cli(driver.first(false));
        assertEquals("run", start.get(0));
        assertTrue(String.join(" ", start).contains("--gates plan,patch,pr"));
        assertTrue(String.join(" ", start).contains("--task @/ws@tmp/task.md"));
        Finish finish = assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "plan")));
        assertFalse(finish.unstable());
    }

    @Test
    void implementApprovesTheEditedPlanRunsTheBaselineAndStopsAtThePatchGate() {
        PhaseDriver driver = new PhaseDriver(args(Phase.IMPLEMENT, true), null, null, "/ws@tmp/plan.md");
        assertEquals(List.of("status", "--json", "--run-id", "r1"), cli(driver.first(true)));
        assertEquals(List.of("resume", "--json", "--run-id", "r1", "--approve", "--edited-plan", "/ws@tmp/plan.md",
                "--by", "alice"), cli(driver.afterCli(out(10, "waiting_gate", "plan"))));
        assertInstanceOf(RunBody.class, driver.afterCli(out(11, "waiting_validation", "baseline")));
        assertEquals(List.of("resume", "--json", "--run-id", "r1", "--validation-exit", "0", "--junit",
                StepArguments.DEFAULT_JUNIT), cli(driver.afterBody(true)));
        Finish atPatch = assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "patch")));
        assertNull(atPatch.message());
    }

    @Test
    void implementAtThePatchGateLandsValidatesForEachFixAndStopsAtThePrGate() {
        PhaseDriver driver = new PhaseDriver(patchGate(), null, null, null);
        cli(driver.first(true));
        assertEquals(List.of("resume", "--json", "--run-id", "r1", "--approve", "--by", "bob"),
                cli(driver.afterCli(out(10, "waiting_gate", "patch"))));
        assertInstanceOf(RunBody.class, driver.afterCli(out(11, "waiting_validation", "final")));
        assertTrue(cli(driver.afterBody(false)).containsAll(List.of("--validation-exit", "1")));
        assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "pr")));
    }

    @Test
    void theFixLoopsPatchesWaitForAHumanAtThePatchGateAgain() {
        PhaseDriver driver = new PhaseDriver(patchGate(), null, null, null);
        cli(driver.afterCli(out(10, "waiting_gate", "patch", 0)));
        assertInstanceOf(RunBody.class, driver.afterCli(out(11, "waiting_validation", "final", 0)));
        cli(driver.afterBody(false));
        Finish again = assertInstanceOf(Finish.class, driver.afterCli(out(10, "waiting_gate", "patch", 1)));
        assertEquals("patch", again.output().stepResult().get("waitingFor"));
        PhaseDriver next = new PhaseDriver(patchGate(), null, null, null);
        assertTrue(cli(next.afterCli(out(10, "waiting_gate", "patch", 1))).contains("--approve"));
    }

    @Test
    void aCallPastItsGateApprovesNothingAndSaysWhichCallAnswersTheGateThatWaits() {
        Finish finish = assertInstanceOf(Finish.class, new PhaseDriver(args(Phase.IMPLEMENT, true), null, null,
                "/ws@tmp/plan.md").afterCli(out(10, "waiting_gate", "patch")));
        assertFalse(finish.unstable());
        assertTrue(finish.message().contains("past the plan gate")
                && finish.message().contains("answered by phase: 'implement', gate: 'patch'"), finish.message());
    }

    @Test
    void thePatchGateCallAtThePlanGateFailsNamingTheCallThatAnswersIt() {
        Fail fail = assertInstanceOf(Fail.class, new PhaseDriver(patchGate(), null, null, null)
                .afterCli(out(10, "waiting_gate", "plan")));
        assertTrue(fail.message().contains("call phase: 'implement' first"), fail.message());
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
        assertTrue(fail.message().contains("phase: 'implement' first"), fail.message());
        Fail atPatch = assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.FINALIZE, false), null, null, null)
                .afterCli(out(0, "waiting_gate", "patch")));
        assertTrue(atPatch.message().contains("gate: 'patch' first"), atPatch.message());
    }

    @Test
    void thePlanPhaseApprovesNothingAndTheRunPhaseRefusesARunStartedWithGates() {
        assertInstanceOf(Finish.class, new PhaseDriver(args(Phase.PLAN, false), null, null, null)
                .afterCli(out(10, "waiting_gate", "plan")));
        Fail fail = assertInstanceOf(Fail.class, new PhaseDriver(args(Phase.RUN, false), null, null, null)
                .afterCli(out(10, "waiting_gate", "patch")));
        assertTrue(fail.message().contains("answer it with phase: 'implement', gate: 'patch'"), fail.message());
    }

    @Test
    void aCrashedRunResumedByTheCallIsNotApprovedAtTheGateItComesTo() {
        PhaseDriver rerun = new PhaseDriver(patchGate(), null, null, null);
        cli(rerun.first(true));
        assertEquals(List.of("resume", "--json", "--run-id", "r1"), cli(rerun.afterCli(out(1, "running", null, 0))));
        Finish finish = assertInstanceOf(Finish.class, rerun.afterCli(out(10, "waiting_gate", "patch", 1)));
        assertTrue(finish.message().contains("came to the patch gate during this call"), finish.message());
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
    void aRunFolderTheCommandLineRefusesFailsTheStepWithItsReasonAndRunsNothing() {
        // The workspace holds .orchestra/runs/r1 (the step's predictable run id), e.g. committed by a pull request:
        // the command line refuses it, and the step says why instead of resuming or running anything.
        PhaseDriver driver = new PhaseDriver(args(Phase.IMPLEMENT, true), null, null, null);
        assertEquals(List.of("status", "--json", "--run-id", "r1"), cli(driver.first(true)));
        String refused = "run r1 refused: the repository tracks .orchestra/runs/r1/state.json";
        Fail fail = assertInstanceOf(Fail.class, driver.afterCli(CliOutput.parse(2,
                "{\"error\":\"" + refused + "\",\"exitCode\":2}", null)));
        assertEquals(refused, fail.message());
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
