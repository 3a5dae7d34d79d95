package dev.orchestra.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptedModelServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_BODY = """
            {"model": "gpt-test", "messages": [{"role": "system", "content": "You are the planner."},
             {"role": "user", "content": "hi"}]}""";
    private static final String ANTHROPIC_BODY = """
            {"model": "claude-test", "max_tokens": 100, "system": "You are the reviewer.",
             "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}""";

    private final ScriptedModelServer server = ScriptedModelServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersChatCompletionsInOpenAiShape() throws Exception {
        server.script(ScriptedAnswer.text("hello", 12, 3));

        HttpResponse<String> response = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5));

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("hello");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(body.at("/usage/prompt_tokens").asLong()).isEqualTo(12);
        assertThat(body.at("/usage/completion_tokens").asLong()).isEqualTo(3);
        assertThat(body.at("/usage/total_tokens").asLong()).isEqualTo(15);
    }

    @Test
    void answersMessagesInAnthropicShape() throws Exception {
        server.script(ScriptedAnswer.lengthLimited("partial"));

        JsonNode body = JSON.readTree(post("/v1/messages", ANTHROPIC_BODY, Duration.ofSeconds(5)).body());

        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("role").asText()).isEqualTo("assistant");
        assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/content/0/text").asText()).isEqualTo("partial");
        assertThat(body.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(body.at("/usage/input_tokens").asLong()).isEqualTo(10);
    }

    @Test
    void errorsCarryTheProvidersErrorBodyAndRetryAfter() throws Exception {
        server.script(ScriptedAnswer.status(429, "7"), ScriptedAnswer.status(529));

        HttpResponse<String> openAi = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5));
        HttpResponse<String> anthropic = post("/messages", ANTHROPIC_BODY, Duration.ofSeconds(5));

        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("retry-after")).contains("7");
        assertThat(JSON.readTree(openAi.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(anthropic.statusCode()).isEqualTo(529);
        assertThat(anthropic.headers().firstValue("retry-after")).isEmpty();
        JsonNode error = JSON.readTree(anthropic.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
    }

    @Test
    void malformedAnswerIsNotJson() throws Exception {
        server.script(ScriptedAnswer.malformed());

        HttpResponse<String> response = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedAnswerEndsBeforeItsContentLength() {
        server.script(ScriptedAnswer.truncated());

        assertThatThrownBy(() -> post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void delayedAnswerOutlastsAShortClientTimeout() {
        server.script(ScriptedAnswer.delayed(Duration.ofSeconds(5), ScriptedAnswer.text("late")));

        assertThatThrownBy(() -> post("/v1/chat/completions", OPENAI_BODY, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void responderPicksTheAnswerFromTheSystemPromptOnceTheScriptIsUsedUp() throws Exception {
        server.script(ScriptedAnswer.text("first"))
                .respondWith(request -> ScriptedAnswer.text(request.systemPrompt().contains("planner") ? "plan" : "review"));

        String first = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5)).body();
        String plan = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5)).body();
        String review = post("/v1/messages", ANTHROPIC_BODY, Duration.ofSeconds(5)).body();

        assertThat(JSON.readTree(first).at("/choices/0/message/content").asText()).isEqualTo("first");
        assertThat(JSON.readTree(plan).at("/choices/0/message/content").asText()).isEqualTo("plan");
        assertThat(JSON.readTree(review).at("/content/0/text").asText()).isEqualTo("review");
    }

    @Test
    void recordsEveryRequestWithHeadersAndJsonBody() throws Exception {
        post("/v1/messages", ANTHROPIC_BODY, Duration.ofSeconds(5));

        RecordedRequest request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.provider()).isEqualTo("anthropic");
        assertThat(request.header("X-Api-Key")).isEqualTo("test-key-not-secret");
        assertThat(request.systemPrompt()).isEqualTo("You are the reviewer.");
        assertThat(request.body().at("/messages/0/content/0/text").asText()).isEqualTo("hi");
    }

    @Test
    void withoutAnAnswerLeftItRefusesWithAClearNonRetriableError() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", OPENAI_BODY, Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("no answer left");
    }

    private HttpResponse<String> post(String path, String body, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("x-api-key", "test-key-not-secret")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
