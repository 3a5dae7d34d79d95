package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.StepRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepBoardTest {
    @Test
    void showsEveryStepWhereItStandsWithTheTokensOfRunningStepsSoFar() {
        RunState state = RunStates.any();
        RunStates.addSteps(state, record("a", StepRecord.Status.DELEGATED), record("b", StepRecord.Status.RUNNING),
                record("c", StepRecord.Status.RUNNING), record("d", StepRecord.Status.PENDING),
                record("e", StepRecord.Status.FAILED), record("f", StepRecord.Status.NO_CHANGE));
        SpendLedger meter = new SpendLedger(Budget.UNLIMITED);
        meter.record("run-1/b/1", 1_000, 200, 0.01); // b's first attempt, before this one started
        Map<String, StepBoard.Running> running = new LinkedHashMap<>();
        running.put("b", new StepBoard.Running(System.nanoTime() - 2_500_000_000L, meter.stepTokens("b")));
        running.put("c", new StepBoard.Running(System.nanoTime(), meter.stepTokens("c")));
        meter.record("run-1/b/2", 300, 45, 0.01);
        meter.record("run-1/plan/1", 5_000, 500, 0.05);

        String line = StepBoard.line(state, running, meter);

        assertThat(line).matches("steps: 2 done, 2 running \\(b 2\\.\\ds 345 tok, c 0\\.\\ds\\), 1 waiting, 1 failed");
    }

    private static StepRecord record(String id, StepRecord.Status status) {
        StepRecord record = new StepRecord(id, "code-writer");
        record.status = status;
        return record;
    }
}
