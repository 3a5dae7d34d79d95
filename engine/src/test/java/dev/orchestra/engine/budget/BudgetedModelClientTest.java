package dev.orchestra.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelClients;
import dev.orchestra.engine.model.ModelConfig;
import dev.orchestra.engine.model.ModelException;
import dev.orchestra.engine.model.ModelProvider;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.ModelRequest;
import dev.orchestra.engine.model.ModelSettings;
import dev.orchestra.engine.model.PriceTable;
import dev.orchestra.engine.model.RetryPolicy;
import dev.orchestra.engine.model.RetryingModelClient;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BudgetedModelClientTest {
    private static final ModelRequest REQUEST = new ModelRequest("run-1/code/1", "You write code.",
            List.of(new ModelRequest.Message(ModelRequest.Role.USER, "Add a total to Cart.")), null, null,
            new ModelSettings(0.0, null, 200));
    private final ScriptedModelServer server = ScriptedModelServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void stopsOneCallPastTheTokenLimitAndTheProviderNeverSeesTheRefusedCall() throws Exception {
        server.respondWith(request -> ScriptedAnswer.text("ok", 100, 20));
        SpendLedger meter = new SpendLedger(new Budget(250L, null, null, null, null));
        ModelClient model = new BudgetedModelClient(adapter(), meter, PriceTable.builtIn()::cost);

        for (int call = 0; call < 3; call++) {
            assertThat(model.complete(REQUEST).text()).isEqualTo("ok");
        }

        assertThatThrownBy(() -> model.complete(REQUEST)).isInstanceOfSatisfying(BudgetExhausted.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.limit()).isEqualTo(Limit.TOKENS);
        }).hasMessage("token budget used up: 360 tokens of 250 (--max-tokens), 110 over");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void pricesEachReplyWithThePricingFunctionAndStopsAtTheCostLimit() throws Exception {
        server.respondWith(request -> ScriptedAnswer.text("ok", 1_000, 500));
        SpendLedger meter = new SpendLedger(new Budget(null, 0.02, null, null, null));
        ModelClient model = new BudgetedModelClient(adapter(), meter, PriceTable.builtIn()::cost);

        model.complete(REQUEST);
        assertThat(meter.spent().cost()).isEqualTo(0.0075);
        model.complete(REQUEST);
        model.complete(REQUEST);

        assertThatThrownBy(() -> model.complete(REQUEST)).isInstanceOf(BudgetExhausted.class)
                .hasMessage("cost budget used up: $0.0225 of $0.0200 (--max-cost), $0.0025 over");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aRetryingClientGivesUpAtOnceWhenTheBudgetRefuses() {
        SpendLedger meter = new SpendLedger(new Budget(null, null, 1, null, null));
        meter.record("s1/1", 10, 10, 0);
        ModelClient model = new RetryingModelClient(new BudgetedModelClient(adapter(), meter, (m, in, out) -> 0),
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofSeconds(1)));

        assertThatThrownBy(() -> model.complete(REQUEST))
                .hasMessageStartingWith("model call budget used up: 1 call of 1 (--max-model-calls) after 1 attempt");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void concurrentStepsNeverMakeMoreCallsThanTheCallLimit() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        ModelClient slowModel = request -> {
            delivered.incrementAndGet();
            sleep(5);
            return new ModelReply("ok", 10, 5, "stop", "local");
        };
        SpendLedger meter = new SpendLedger(new Budget(null, null, 10, null, null));
        ModelClient model = new BudgetedModelClient(slowModel, meter, (m, in, out) -> 0);

        int refused = callFromThreads(model, 6, 5);

        assertThat(delivered.get()).isEqualTo(10);
        assertThat(refused).isEqualTo(20);
        assertThat(meter.spent().modelCalls()).isEqualTo(10);
    }

    /** Each of {@code threads} threads makes {@code calls} calls; returns how many the budget refused. */
    private static int callFromThreads(ModelClient model, int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < calls; i++) {
                    try {
                        model.complete(REQUEST);
                    } catch (BudgetExhausted e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return refused.get();
    }

    private ModelClient adapter() {
        ModelConfig config = ModelConfig.of(ModelProvider.OPENAI, "gpt-4o").withBaseUrl(server.baseUrl() + "/v1")
                .withRequestTimeout(Duration.ofSeconds(10));
        return ModelClients.adapter(config, Map.of("OPENAI_API_KEY", "test-key-not-secret"));
    }

    private static void sleep(long millis) throws ModelException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("local", 0, false, -1, "interrupted", e);
        }
    }
}
