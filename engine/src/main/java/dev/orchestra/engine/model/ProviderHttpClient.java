package dev.orchestra.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.orchestra.engine.model.ProviderHttpException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP client under LangChain4j's chat models: the JDK client, plus what LangChain4j's own client drops.
 * Errors keep their status and {@code Retry-After}; bodies that are not JSON, cut-off bodies and timeouts become
 * {@link ProviderHttpException}s that {@link ModelFailures} can classify.
 */
public final class ProviderHttpClient implements HttpClient {
    private static final ObjectMapper JSON = dev.orchestra.engine.json.Json.MAPPER;

    private final java.net.http.HttpClient http;
    private final Duration requestTimeout;

    private ProviderHttpClient(Builder builder) {
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = builder.readTimeout;
    }

    /** A builder LangChain4j's chat model builders accept ({@code httpClientBuilder(...)}). */
    public static Builder builder(Duration requestTimeout) {
        return new Builder().connectTimeout(requestTimeout).readTimeout(requestTimeout);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        String retryAfter = response.headers().firstValue("retry-after").orElse(null);
        String retryAfterMs = response.headers().firstValue("retry-after-ms").orElse(null);
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(Kind.HTTP_ERROR, status, RetryAfter.millis(retryAfterMs, retryAfter),
                    errorMessage(response.body()), null);
        }
        if (parse(response.body()) == null) {
            throw new ProviderHttpException(Kind.MALFORMED_BODY, status, -1, null, null);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("Orchestra does not stream model replies");
    }

    private HttpResponse<String> send(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(requestTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderHttpException(Kind.TIMEOUT, 0, -1, null, e);
        } catch (IOException e) {
            throw new ProviderHttpException(Kind.NO_RESPONSE, 0, -1, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderHttpException(Kind.NO_RESPONSE, 0, -1, "interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code error.message} of an OpenAI or Anthropic error body. */
    private static String errorMessage(String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return null;
        }
        JsonNode message = json.at("/error/message");
        return message.isTextual() ? message.asText() : null;
    }

    /** Builds {@link ProviderHttpClient}s; the read timeout bounds a whole request. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(120);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                readTimeout = timeout;
            }
            return this;
        }

        @Override
        public ProviderHttpClient build() {
            return new ProviderHttpClient(this);
        }
    }
}
