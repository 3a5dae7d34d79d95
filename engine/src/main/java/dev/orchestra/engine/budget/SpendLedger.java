package dev.orchestra.engine.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's one spend ledger: every model call (the planner's, the steps', the account's) and every fix iteration
 * goes through it, and {@code bundle.json}, {@code metrics.json} and the budget checks all read it. Safe from any
 * number of threads. Model calls are admitted one at a time against the limits, so concurrent steps never exceed
 * the call limit; tokens, cost and time are known only after a call, so a limit stops the next call once it is
 * reached. A limit never takes back work already paid for: only a refused call (or, for time, new work) stops a run.
 */
public final class SpendLedger {
    private final Budget budget;
    private final Clock clock;
    private final Instant startedAt;
    private final Duration earlier;
    private int calls;
    private int callsUnderWay;
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost;
    private int fixIterations;
    private int estimatedCalls;
    private int repairCalls;
    private long repairTokens;
    private String refusal;
    private final Map<String, Long> stepTokens = new HashMap<>();

    /** A meter for a new run, on the system clock. */
    public SpendLedger(Budget budget) {
        this(budget, Clock.systemUTC(), Spent.NOTHING);
    }

    /** A meter starting from what the run spent before ({@link Spent#NOTHING} if new), timed by {@code clock}. */
    public SpendLedger(Budget budget, Clock clock, Spent before) {
        this.budget = budget;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.earlier = before.elapsed();
        this.calls = before.modelCalls();
        this.inputTokens = before.inputTokens();
        this.outputTokens = before.outputTokens();
        this.cost = BigDecimal.valueOf(before.cost());
        this.fixIterations = before.fixIterations();
        this.estimatedCalls = before.estimatedCalls();
        this.repairCalls = before.repairCalls();
        this.repairTokens = before.repairTokens();
    }

    public Budget budget() {
        return budget;
    }

    /**
     * Counts one model call of the request {@code correlationId} ({@code [run/]step/attempt}) that used these
     * tokens and cost this many dollars; the tokens count for that step too (see {@link #stepTokens}).
     */
    public synchronized void record(String correlationId, long inputTokens, long outputTokens, double cost) {
        record(correlationId, inputTokens, outputTokens, cost, false);
    }

    /** Counts one model call as {@link #record(String, long, long, double)}; {@code estimated} when the reply had no usage. */
    public synchronized void record(String correlationId, long inputTokens, long outputTokens, double cost,
                                    boolean estimated) {
        if (estimated) {
            estimatedCalls++;
        }
        stepTokens.merge(stepOf(correlationId), inputTokens + outputTokens, Long::sum);
        if (isRepair(correlationId)) {
            repairCalls++;
            repairTokens += inputTokens + outputTokens;
        }
        this.calls++;
        this.inputTokens += inputTokens;
        this.outputTokens += outputTokens;
        this.cost = this.cost.add(BigDecimal.valueOf(cost));
    }

    /** Tokens the step's model calls used in this process so far: what a progress view shows while it runs. */
    public synchronized long stepTokens(String stepId) {
        return stepTokens.getOrDefault(stepId, 0L);
    }

    /** A call whose attempt number ({@code .../N}) is above 1: it asks again after an answer that could not be used. */
    private static boolean isRepair(String correlationId) {
        String attempt = correlationId.substring(correlationId.lastIndexOf('/') + 1);
        return attempt.matches("[0-9]{1,9}") && Integer.parseInt(attempt) > 1;
    }

    private static String stepOf(String correlationId) {
        String[] parts = correlationId.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : correlationId;
    }

    /** Which limit is used up and by how much ({@code token budget used up: 10,240 of 10,000 ...}); empty if none. */
    public Optional<String> exhausted() {
        return overrun(0).map(BudgetExhausted::getMessage);
    }

    /** Why a model call was refused in this process, if one was: the run stops with its budget exhausted. */
    public synchronized Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Why no new work may start for lack of time (the wall-time limit is used up); empty otherwise. */
    public Optional<String> outOfTime() {
        return overrun(0).filter(e -> e.limit() == Limit.WALL_TIME).map(BudgetExhausted::getMessage);
    }

    /** Fix iterations started so far, over every process that worked on the run. */
    public synchronized int fixIterations() {
        return fixIterations;
    }

    /** How many more fix iterations the budget allows ({@link Integer#MAX_VALUE} without a limit). */
    public synchronized int fixIterationsLeft() {
        Integer max = budget.maxFixIterations();
        return max == null ? Integer.MAX_VALUE : Math.max(0, max - fixIterations);
    }

    /** Starts a fix iteration, or says why the budget allows no more. */
    public synchronized Optional<String> startFixIteration() {
        Integer max = budget.maxFixIterations();
        if (max != null && fixIterations >= max) {
            return Optional.of(message(Limit.FIX_ITERATIONS, fixIterations + " of " + max, ""));
        }
        fixIterations++;
        return Optional.empty();
    }

    /** Everything spent so far, with the time worked including that of earlier sessions of the run. */
    public synchronized Spent spent() {
        return new Spent(calls, inputTokens, outputTokens, cost.doubleValue(), fixIterations, elapsed(), estimatedCalls,
                repairCalls, repairTokens);
    }

    /** Admits one model call, or returns why not; an admitted call must end with {@link #endCall()}. */
    synchronized Optional<BudgetExhausted> admitCall() {
        Optional<BudgetExhausted> refused = overrun(callsUnderWay);
        if (refused.isEmpty()) {
            callsUnderWay++;
        } else if (refusal == null) {
            refusal = refused.get().getMessage();
        }
        return refused;
    }

    synchronized void endCall() {
        callsUnderWay--;
    }

    private synchronized Optional<BudgetExhausted> overrun(int pendingCalls) {
        long tokens = inputTokens + outputTokens;
        if (budget.maxTokens() != null && tokens >= budget.maxTokens()) {
            long excess = tokens - budget.maxTokens();
            return refusal(Limit.TOKENS, number(tokens) + " tokens of " + number(budget.maxTokens()),
                    excess > 0 ? over(number(excess)) : "");
        }
        BigDecimal maxCost = budget.maxCost() == null ? null : BigDecimal.valueOf(budget.maxCost());
        if (maxCost != null && cost.compareTo(maxCost) >= 0) {
            BigDecimal excess = cost.subtract(maxCost);
            return refusal(Limit.COST, dollars(cost) + " of " + dollars(maxCost),
                    excess.signum() > 0 ? over(dollars(excess)) : "");
        }
        if (budget.maxModelCalls() != null && calls + pendingCalls >= budget.maxModelCalls()) {
            String underWay = pendingCalls == 0 ? "" : " (" + pendingCalls + " under way)";
            String made = calls + (calls == 1 ? " call of " : " calls of ");
            return refusal(Limit.MODEL_CALLS, made + budget.maxModelCalls() + underWay, "");
        }
        Duration elapsed = elapsed();
        if (budget.maxWallTime() != null && elapsed.compareTo(budget.maxWallTime()) >= 0) {
            Duration excess = elapsed.minus(budget.maxWallTime());
            return refusal(Limit.WALL_TIME, minutes(elapsed) + " of " + minutes(budget.maxWallTime()),
                    !excess.isNegative() && !excess.isZero() ? over(minutes(excess)) : "");
        }
        return Optional.empty();
    }

    private Duration elapsed() {
        return earlier.plus(Duration.between(startedAt, clock.instant()));
    }

    private static Optional<BudgetExhausted> refusal(Limit limit, String usage, String over) {
        return Optional.of(new BudgetExhausted(limit, message(limit, usage, over)));
    }

    private static String message(Limit limit, String usage, String over) {
        return limit.title() + " used up: " + usage + " (" + limit.flag() + ")" + over;
    }

    private static String over(String amount) {
        return ", " + amount + " over";
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String dollars(BigDecimal value) {
        return String.format(Locale.ROOT, "$%.4f", value);
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d min", duration.toMinutes(), duration.toSecondsPart());
    }
}
