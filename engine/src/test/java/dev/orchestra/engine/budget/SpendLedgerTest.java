package dev.orchestra.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SpendLedgerTest {
    private final SteppedClock clock = new SteppedClock();

    @Test
    void anUnlimitedBudgetIsNeverExhausted() {
        SpendLedger meter = new SpendLedger(Budget.UNLIMITED, clock, Spent.NOTHING);
        meter.record("s1/1", 1_000_000, 1_000_000, 500.0);
        clock.advance(Duration.ofDays(2));

        assertThat(meter.exhausted()).isEmpty();
        assertThat(meter.startFixIteration()).isEmpty();
    }

    @Test
    void saysWhichLimitIsUsedUpAndByHowMuch() {
        assertThat(meterWith(new Budget(10_000L, null, null, null, null), 9_000, 1_240, 0).exhausted())
                .contains("token budget used up: 10,240 tokens of 10,000 (--max-tokens), 240 over");
        assertThat(meterWith(new Budget(null, 0.50, null, null, null), 10, 10, 0.5123).exhausted())
                .contains("cost budget used up: $0.5123 of $0.5000 (--max-cost), $0.0123 over");
        assertThat(meterWith(new Budget(10_000L, null, null, null, null), 9_000, 999, 0).exhausted()).isEmpty();
    }

    @Test
    void theCallLimitIsReachedWhenTheLastAllowedCallIsMade() {
        SpendLedger meter = new SpendLedger(new Budget(null, null, 2, null, null), clock, Spent.NOTHING);
        meter.record("s1/1", 1, 1, 0);
        assertThat(meter.exhausted()).isEmpty();

        meter.record("s1/1", 1, 1, 0);

        assertThat(meter.exhausted()).contains("model call budget used up: 2 calls of 2 (--max-model-calls)");
    }

    @Test
    void callsThatAskAgainAfterAnUnusableAnswerAreCountedAsRepairsAndKeptAcrossResumes() {
        SpendLedger meter = new SpendLedger(Budget.UNLIMITED, clock, Spent.NOTHING);
        meter.record("r1/plan/1", 1_000, 100, 0);
        meter.record("r1/plan/2", 1_200, 150, 0);
        meter.record("r1/s1/1", 500, 50, 0);
        meter.record("r1/s1/3", 700, 60, 0);
        meter.record("r1/account/1", 300, 30, 0);

        Spent spent = meter.spent();
        assertThat(spent.modelCalls()).isEqualTo(5);
        assertThat(spent.repairCalls()).isEqualTo(2);
        assertThat(spent.repairTokens()).isEqualTo(1_350 + 760);

        SpendLedger resumed = new SpendLedger(Budget.UNLIMITED, clock, spent);
        resumed.record("r1/fix-1/2", 10, 10, 0);
        assertThat(resumed.spent().repairCalls()).isEqualTo(3);
        assertThat(resumed.spent().repairTokens()).isEqualTo(1_350 + 760 + 20);
    }

    @Test
    void wallTimeCountsOnlyTheTimeWorkedAcrossResumes() {
        Budget thirtyMinutes = new Budget(null, null, null, Duration.ofMinutes(30), null);
        Spent beforeTheGate = new Spent(4, 100, 50, 0.01, 0, Duration.ofMinutes(20));
        SpendLedger resumed = new SpendLedger(thirtyMinutes, clock, beforeTheGate);

        clock.advance(Duration.ofMinutes(9));
        assertThat(resumed.exhausted()).isEmpty();
        clock.advance(Duration.ofSeconds(90));

        assertThat(resumed.exhausted()).contains("time budget used up: 30:30 min of 30:00 min (--max-minutes),"
                + " 0:30 min over");
        assertThat(resumed.spent().modelCalls()).isEqualTo(4);
    }

    @Test
    void fixIterationsStopWithoutStoppingTheModelCallsOfTheLastOne() {
        SpendLedger meter = new SpendLedger(new Budget(null, null, null, null, 2), clock, Spent.NOTHING);

        assertThat(meter.startFixIteration()).isEmpty();
        assertThat(meter.startFixIteration()).isEmpty();
        assertThat(meter.exhausted()).isEmpty();
        assertThat(meter.startFixIteration())
                .contains("fix iteration budget used up: 2 of 2 (--max-fix-iterations)");
        assertThat(meter.spent().fixIterations()).isEqualTo(2);
    }

    @Test
    void aReachedLimitStopsOnlyTheNextCallNotTheWorkAlreadyPaidFor() {
        SpendLedger ledger = new SpendLedger(new Budget(null, null, 1, null, null), clock, Spent.NOTHING);
        ledger.record("s1/1", 10, 5, 0);

        assertThat(ledger.exhausted()).isPresent();
        assertThat(ledger.refusal()).as("nothing refused yet: landing and validation go on").isEmpty();
        assertThat(ledger.admitCall()).isPresent();
        assertThat(ledger.refusal()).contains("model call budget used up: 1 call of 1 (--max-model-calls)");
    }

    @Test
    void estimatedUsageCountsLikeReportedUsageAndIsCountedApart() {
        SpendLedger ledger = new SpendLedger(new Budget(100L, null, null, null, null), clock, Spent.NOTHING);
        ledger.record("s1/1", 90, 20, 0, true);

        assertThat(ledger.spent().tokens()).isEqualTo(110);
        assertThat(ledger.spent().estimatedCalls()).isEqualTo(1);
        assertThat(ledger.admitCall()).isPresent();
    }

    @Test
    void recordsFromManyThreadsAddUpExactly() throws Exception {
        SpendLedger meter = new SpendLedger(Budget.UNLIMITED, clock, Spent.NOTHING);
        int threads = 8;
        int callsEach = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < callsEach; i++) {
                    meter.record("s1/1", 3, 2, 0.001);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        Spent spent = meter.spent();
        assertThat(spent.modelCalls()).isEqualTo(16_000);
        assertThat(spent.inputTokens()).isEqualTo(48_000);
        assertThat(spent.outputTokens()).isEqualTo(32_000);
        assertThat(spent.cost()).isEqualTo(16.0);
    }

    @Test
    void aLimitThatIsNotPositiveIsBadInputNamingTheFlag() {
        assertThatThrownBy(() -> new Budget(-5L, null, null, null, null)).isInstanceOf(BadInputException.class)
                .hasMessage("--max-tokens must be a positive number, not -5");
        assertThatThrownBy(() -> new Budget(null, 0.0, null, null, null))
                .hasMessage("--max-cost must be a positive number, not 0.0");
        assertThatThrownBy(() -> new Budget(null, Double.NaN, null, null, null))
                .hasMessage("--max-cost must be a positive number, not NaN");
        assertThatThrownBy(() -> new Budget(null, Double.POSITIVE_INFINITY, null, null, null))
                .hasMessage("--max-cost must be a positive number, not Infinity");
        assertThatThrownBy(() -> new Budget(null, null, null, null, -1))
                .hasMessage("--max-fix-iterations must be 0 or more, not -1");
    }

    private SpendLedger meterWith(Budget budget, long in, long out, double cost) {
        SpendLedger meter = new SpendLedger(budget, clock, Spent.NOTHING);
        meter.record("s1/1", in, out, cost);
        return meter;
    }
}
