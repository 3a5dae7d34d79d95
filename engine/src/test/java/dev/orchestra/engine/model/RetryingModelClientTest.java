package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingModelClientTest {
    private final ScriptedModelServer server = ScriptedModelServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitEndsTheRetriesAndSaysWhy() {
        server.script(ScriptedAnswer.status(429, "3600"), ScriptedAnswer.text("never sent"));

        assertThatThrownBy(() -> client(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofSeconds(60)))
                .complete(ModelClientContractTest.request(null)))
                .isInstanceOfSatisfying(RetryingModelClient.GaveUp.class, e -> assertThat(e.attempts()).isEqualTo(1))
                .hasMessageStartingWith("openai: HTTP 429 Too Many Requests after 1 attempt"
                        + " (Retry-After 3600 s is longer than the 60 s limit)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void backoffGrowsWithEachFailedAttempt() {
        server.respondWith(request -> ScriptedAnswer.status(502));

        assertThatThrownBy(() -> client(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5)))
                .complete(ModelClientContractTest.request(null)))
                .hasMessageStartingWith("openai: HTTP 502 Bad Gateway after 3 attempts");
        var requests = server.requests();
        Duration first = Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
        Duration second = Duration.between(requests.get(1).receivedAt(), requests.get(2).receivedAt());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void countsTheAttemptsOfASuccessfulCall() throws Exception {
        server.script(ScriptedAnswer.status(500), ScriptedAnswer.text("ok"));

        RetryingModelClient.Attempted attempted = client(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofSeconds(5)))
                .completeCounted(ModelClientContractTest.request(null));

        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(attempted.reply().text()).isEqualTo("ok");
    }

    private RetryingModelClient client(RetryPolicy policy) {
        ModelConfig config = ModelConfig.of(ModelProvider.OPENAI, "gpt-4o").withBaseUrl(server.baseUrl() + "/v1")
                .withRequestTimeout(Duration.ofSeconds(10));
        return ModelClients.create(config, Map.of("OPENAI_API_KEY", "test-key-not-secret"),
                policy);
    }
}
