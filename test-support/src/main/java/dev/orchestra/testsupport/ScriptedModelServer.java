package dev.orchestra.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model provider on loopback for tests: answers OpenAI chat completions ({@code /v1/chat/completions}) and
 * Anthropic messages ({@code /v1/messages}) in their real wire formats, from a script consumed in order or,
 * once the script is used up, from a responder that looks at the request. Every request is recorded.
 */
public final class ScriptedModelServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final Deque<ScriptedAnswer> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, ScriptedAnswer> responder;

    private ScriptedModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scripted-model-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 on a free port. */
    public static ScriptedModelServer start() {
        try {
            return new ScriptedModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends answers to the script; each request takes the next one. */
    public ScriptedModelServer script(ScriptedAnswer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
        return this;
    }

    /** Answers every request the script has no answer left for. */
    public ScriptedModelServer respondWith(Function<RecordedRequest, ScriptedAnswer> responder) {
        this.responder = responder;
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash; the APIs are under {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            if (!WireFormat.isModelPath(request.path())) {
                send(exchange, 404, WireFormat.OPENAI.error(404, "Unknown path " + request.path()).toString(), null);
                return;
            }
            answer(exchange, request, next(request), requests.size());
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = WireFormat.JSON.readTree(bytes);
        } catch (IOException notJson) {
            body = MissingNode.getInstance();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(headers), body == null ? MissingNode.getInstance() : body, receivedAt);
        requests.add(request);
        return request;
    }

    private ScriptedAnswer next(RecordedRequest request) {
        synchronized (script) {
            if (!script.isEmpty()) {
                return script.poll();
            }
        }
        Function<RecordedRequest, ScriptedAnswer> current = responder;
        if (current == null) {
            return null;
        }
        return current.apply(request);
    }

    private void answer(HttpExchange exchange, RecordedRequest request, ScriptedAnswer answer, int number)
            throws IOException {
        WireFormat format = WireFormat.forPath(request.path());
        if (answer == null) {
            String message = "ScriptedModelServer has no answer left for request " + number;
            send(exchange, 400, format.error(400, message).toString(), null);
        } else if (answer instanceof ScriptedAnswer.Text text) {
            String model = request.body().path("model").asText("scripted-model");
            send(exchange, 200, format.reply(text, model, number).toString(), null);
        } else if (answer instanceof ScriptedAnswer.NoText noText) {
            String model = request.body().path("model").asText("scripted-model");
            send(exchange, 200, format.noText(noText, model, number).toString(), null);
        } else if (answer instanceof ScriptedAnswer.Refusal refusal) {
            String model = request.body().path("model").asText("scripted-model");
            send(exchange, 200, format.refusal(refusal.text(), model, number).toString(), null);
        } else if (answer instanceof ScriptedAnswer.Status status) {
            String message = status.message() != null ? status.message() : WireFormat.errorMessage(status.code());
            send(exchange, status.code(), format.error(status.code(), message).toString(), status.retryAfter());
        } else if (answer instanceof ScriptedAnswer.Malformed) {
            send(exchange, 200, "{\"id\": \"chatcmpl-broken\", \"choices\": [ <html>Bad Gateway</html>", null);
        } else if (answer instanceof ScriptedAnswer.Truncated) {
            sendTruncated(exchange, format.reply(new ScriptedAnswer.Text("cut", 1, 1, false), "m", number).toString());
        } else if (answer instanceof ScriptedAnswer.Delayed delayed) {
            sleep(delayed);
            answer(exchange, request, delayed.then(), number);
        }
    }

    private static void sleep(ScriptedAnswer.Delayed delayed) throws IOException {
        try {
            Thread.sleep(delayed.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scripted delay interrupted (server closing)", e);
        }
    }

    private static void send(HttpExchange exchange, int code, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Promises the whole body, sends half of it, then closes the connection. */
    private static void sendTruncated(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // Closing the exchange (not its stream) with bytes still owed makes the JDK server drop the connection.
        exchange.close();
    }
}
