package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.engine.output.ControlCharacters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to one forge, and the one place its status codes become errors: 401, 403, 404, 409 and 422 are a
 * {@link ForgeRefusal} (400 too: the user fixes the token, the permission, the URL or the branch), anything else that is not
 * 2xx a {@link ForgeFailure}. The forge's answer is data: only its message is quoted, on one line, cut short, with
 * the token taken out.
 */
final class ForgeHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTE = 200;
    private final ForgeTarget target;
    private final String token;
    private final Map<String, String> headers;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ForgeHttp(ForgeTarget target, String token, Map<String, String> headers) {
        this.target = target;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    /** The API's URL for {@code path} (relative to the API base, starting with '/'). */
    URI uri(String path) {
        return URI.create(target.apiBase().replaceAll("/+$", "") + path);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path, String action) {
        return send("GET", path, null, action);
    }

    JsonNode send(String method, String path, Object body, String action) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", headers.getOrDefault("Accept", "application/json"));
        headers.forEach((name, value) -> {
            if (!name.equals("Accept")) {
                request.header(name, value);
            }
        });
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return read(response, action);
        } catch (IOException e) {
            throw new ForgeFailure(target.kind().label() + " at " + target.apiBase() + " could not be reached while "
                    + action + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeFailure("interrupted while " + action, e);
        }
    }

    private JsonNode read(HttpResponse<String> response, String action) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (response.body() == null || response.body().isBlank()) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ForgeFailure(target.kind().label() + " answered " + action + " with something that is not JSON");
            }
        }
        String said = forgeMessage(response.body());
        String quote = said.isEmpty() ? "" : " (" + target.kind().label() + " says: " + said + ")";
        String what = target.kind().label() + " answered " + status + " while " + action + " on " + target.display();
        throw switch (status) {
            case 401 -> new ForgeRefusal(status, what + ": the token in $" + target.tokenEnv()
                    + " is missing, expired or revoked" + quote);
            case 403 -> new ForgeRefusal(status, what + ": the token in $" + target.tokenEnv()
                    + " lacks the permission, or a rule of the repository forbids it" + quote);
            case 404 -> new ForgeRefusal(status, what + ": no such repository or branch that this token can see;"
                    + " check the remote's URL, --forge-url and the token's access" + quote);
            case 400, 409, 422 -> new ForgeRefusal(status, what + ": the forge refused the request as it stands"
                    + " (a pull request for the branch exists, no commits between the branches, or a field it does not"
                    + " accept)" + quote);
            default -> new ForgeFailure(what + quote);
        };
    }

    /** The forge's own error message (GitHub, GitLab and Gitea: message; Bitbucket: error.message or errors[0]). */
    private String forgeMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode message = node.path("message");
            if (message.isMissingNode()) {
                message = node.path("error").isObject() ? node.path("error").path("message") : node.path("error");
            }
            if (message.isMissingNode() || message.isNull()) {
                message = node.path("errors").path(0).path("message");
            }
            text = message.isTextual() ? message.asText() : message.isMissingNode() ? "" : message.toString();
        } catch (IOException e) {
            text = body;
        }
        text = ControlCharacters.strip(text).replaceAll("\\s+", " ").trim();
        if (token != null && !token.isEmpty()) {
            text = text.replace(token, "[REDACTED]");
        }
        return text.length() > QUOTE ? text.substring(0, QUOTE) + "…" : text;
    }
}
