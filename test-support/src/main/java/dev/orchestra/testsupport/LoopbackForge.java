package dev.orchestra.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forge's pull-request API on loopback: GitHub, GitLab, Bitbucket Cloud, Bitbucket Data Center or Gitea/Forgejo.
 * It checks requests the way the forge's documented REST API does (method, path, authentication header, required JSON
 * fields, one open pull request per branch pair, the head branch must exist, the description's length) and answers
 * with the documented shapes, errors included. The pull requests live in memory; {@link #pulls()} shows them.
 * The five forges share one file on purpose: their rules side by side show where their APIs differ.
 */
public final class LoopbackForge implements AutoCloseable {
    /** The forges it speaks. */
    public enum Kind { GITHUB, GITLAB, BITBUCKET_CLOUD, BITBUCKET_DATA_CENTER, GITEA }

    /** One pull request as the forge stores it. */
    public record Pull(String repo, long number, String title, String body, String head, String base, boolean draft,
                       List<String> labels, int version) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Kind kind;
    private final String token;
    private final BiPredicate<String, String> branchExists;
    private final HttpServer server;
    private final List<String> repos = new CopyOnWriteArrayList<>();
    private final Map<Long, String> labels = new LinkedHashMap<>();
    private final List<Pull> pulls = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean forbidden;

    private LoopbackForge(Kind kind, String token, BiPredicate<String, String> branchExists) throws IOException {
        this.kind = kind;
        this.token = token;
        this.branchExists = branchExists;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A forge of {@code kind} accepting {@code token}; {@code branchExists} (repository path, branch) says whether the
     * forge's git side has the branch (e.g. read from the bare repository a {@link GitHttpServer} serves).
     */
    public static LoopbackForge start(Kind kind, String token, BiPredicate<String, String> branchExists) throws IOException {
        return new LoopbackForge(kind, token, branchExists);
    }

    /** The API's base URL, as a user gives it with {@code --forge-url}. */
    public String apiBase() {
        String prefix = switch (kind) {
            case GITHUB -> "/api/v3";
            case GITLAB -> "/api/v4";
            case BITBUCKET_CLOUD -> "/2.0";
            case BITBUCKET_DATA_CENTER -> "/rest/api/1.0";
            case GITEA -> "/api/v1";
        };
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** Makes {@code path} (owner/name; GitLab group/name; Data Center KEY/slug) a repository the token can see. */
    public LoopbackForge repository(String path) {
        repos.add(path);
        return this;
    }

    /** A label the repository has (Gitea sets labels by id). */
    public LoopbackForge label(long id, String name) {
        labels.put(id, name);
        return this;
    }

    /** From now on, every write is refused with 403 (a token without the permission, a protected branch). */
    public void forbidWrites() {
        forbidden = true;
    }

    public List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    /** Every request as {@code METHOD raw-path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + raw + (query == null ? "" : "?" + query));
            Answer answer;
            try {
                answer = route(exchange, method, raw.substring(new java.net.URI(apiBase()).getPath().length()),
                        params(query), body(exchange));
            } catch (Exception e) {
                answer = error(500, "loopback forge: " + e);
            }
            byte[] bytes = JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, Object body) {}

    private Answer route(HttpExchange exchange, String method, String path, Map<String, String> params, JsonNode body) {
        if (!authorized(exchange)) {
            return error(401, switch (kind) {
                case GITHUB -> "Bad credentials";
                case GITLAB -> "401 Unauthorized";
                case BITBUCKET_CLOUD, BITBUCKET_DATA_CENTER -> "Authentication failed. Please check your credentials and try again.";
                case GITEA -> "token is required";
            });
        }
        if (!method.equals("GET") && !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return error(415, "Unsupported Media Type");
        }
        Matcher m = pattern().matcher(path);
        if (!m.matches() || !repos.contains(repoOf(m))) {
            return error(404, "Not Found");
        }
        String repo = repoOf(m);
        if (forbidden && !method.equals("GET")) {
            return error(403, kind == Kind.GITHUB ? "Resource not accessible by personal access token"
                    : "You are not permitted to perform this action");
        }
        String rest = m.group("rest");
        return switch (kind) {
            case GITHUB -> github(method, rest, repo, params, body);
            case GITLAB -> gitlab(method, rest, repo, params, body);
            case BITBUCKET_CLOUD -> bitbucketCloud(method, rest, repo, params, body);
            case BITBUCKET_DATA_CENTER -> bitbucketDataCenter(method, rest, repo, params, body);
            case GITEA -> gitea(method, rest, repo, params, body);
        };
    }

    private boolean authorized(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return switch (kind) {
            case GITHUB -> ("Bearer " + token).equals(auth)
                    && "application/vnd.github+json".equals(exchange.getRequestHeaders().getFirst("Accept"))
                    && "2022-11-28".equals(exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"));
            case GITLAB -> token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"));
            case BITBUCKET_CLOUD, BITBUCKET_DATA_CENTER -> ("Bearer " + token).equals(auth);
            case GITEA -> ("token " + token).equals(auth);
        };
    }

    private Pattern pattern() {
        return Pattern.compile(switch (kind) {
            case GITHUB, GITEA -> "/repos/(?<owner>[^/]+)/(?<name>[^/]+)(?<rest>/.*)";
            case GITLAB -> "/projects/(?<id>[^/]+)(?<rest>/.*)"; // the path as ONE url-encoded segment
            case BITBUCKET_CLOUD -> "/repositories/(?<owner>[^/]+)/(?<name>[^/]+)(?<rest>/.*)";
            case BITBUCKET_DATA_CENTER -> "/projects/(?<owner>[^/]+)/repos/(?<name>[^/]+)(?<rest>/.*)";
        });
    }

    private String repoOf(Matcher m) {
        return kind == Kind.GITLAB ? decode(m.group("id")) : decode(m.group("owner")) + "/" + decode(m.group("name"));
    }

    // --- GitHub: /repos/{owner}/{repo}/pulls, /pulls/{n}, /issues/{n}/labels

    private Answer github(String method, String rest, String repo, Map<String, String> params, JsonNode body) {
        if (method.equals("GET") && rest.equals("/pulls")) {
            String owner = repo.substring(0, repo.indexOf('/'));
            return ok(200, array(open(repo, p -> params.get("head") == null || params.get("head").equals(owner + ":" + p.head()))
                    .stream().filter(p -> params.get("base") == null || params.get("base").equals(p.base())).toList()));
        }
        if (method.equals("POST") && rest.equals("/pulls")) {
            Answer bad = require(body, "title", "head", "base");
            if (bad != null) {
                return bad;
            }
            if (!branchExists.test(repo, text(body, "head"))) {
                return validation("PullRequest", "head", "invalid");
            }
            if (text(body, "body").length() > 65_536) {
                return validation("PullRequest", "body", "custom");
            }
            if (!open(repo, p -> p.head().equals(text(body, "head")) && p.base().equals(text(body, "base"))).isEmpty()) {
                return error(422, "A pull request already exists for " + repo.split("/")[0] + ":" + text(body, "head") + ".");
            }
            return ok(201, github(add(repo, text(body, "title"), text(body, "body"), text(body, "head"), text(body, "base"),
                    body.path("draft").asBoolean(), List.of())));
        }
        Matcher pull = Pattern.compile("/pulls/(\\d+)").matcher(rest);
        if (method.equals("PATCH") && pull.matches()) {
            Pull found = find(repo, Long.parseLong(pull.group(1)));
            if (found == null) {
                return error(404, "Not Found");
            }
            return ok(200, github(update(found, body.path("title").asText(found.title()), body.path("body").asText(found.body()),
                    found.labels())));
        }
        Matcher issueLabels = Pattern.compile("/issues/(\\d+)/labels").matcher(rest);
        if (method.equals("POST") && issueLabels.matches() && body.path("labels").isArray()) {
            Pull found = find(repo, Long.parseLong(issueLabels.group(1)));
            List<String> names = new ArrayList<>(found.labels());
            body.path("labels").forEach(l -> names.add(l.asText()));
            update(found, found.title(), found.body(), names);
            ArrayNode answer = JSON.createArrayNode();
            names.forEach(n -> answer.addObject().put("name", n));
            return ok(200, answer);
        }
        return error(404, "Not Found");
    }

    private ObjectNode github(Pull p) {
        ObjectNode node = JSON.createObjectNode().put("number", p.number()).put("state", "open").put("title", p.title())
                .put("body", p.body()).put("draft", p.draft())
                .put("html_url", "https://github.example/" + p.repo() + "/pull/" + p.number());
        node.putObject("head").put("ref", p.head());
        node.putObject("base").put("ref", p.base());
        return node;
    }

    // --- GitLab: /projects/{url-encoded path}/merge_requests, /merge_requests/{iid}

    private Answer gitlab(String method, String rest, String repo, Map<String, String> params, JsonNode body) {
        if (method.equals("GET") && rest.equals("/merge_requests")) {
            return ok(200, array(open(repo, p -> p.head().equals(params.get("source_branch"))
                    && (params.get("target_branch") == null || p.base().equals(params.get("target_branch"))))));
        }
        if (method.equals("POST") && rest.equals("/merge_requests")) {
            Answer bad = require(body, "source_branch", "target_branch", "title");
            if (bad != null) {
                return bad;
            }
            if (!branchExists.test(repo, text(body, "source_branch"))) {
                return messages(422, "Validation failed: Source branch does not exist");
            }
            if (!open(repo, p -> p.head().equals(text(body, "source_branch"))).isEmpty()) {
                return messages(409, "Another open merge request already exists for this source branch");
            }
            String title = text(body, "title");
            return ok(201, gitlab(add(repo, title, text(body, "description"), text(body, "source_branch"),
                    text(body, "target_branch"), title.startsWith("Draft:"), splitLabels(body))));
        }
        Matcher mr = Pattern.compile("/merge_requests/(\\d+)").matcher(rest);
        if (method.equals("PUT") && mr.matches()) {
            Pull found = find(repo, Long.parseLong(mr.group(1)));
            if (found == null) {
                return messages(404, "404 Not found");
            }
            return ok(200, gitlab(update(found, body.path("title").asText(found.title()),
                    body.path("description").asText(found.body()), body.has("labels") ? splitLabels(body) : found.labels())));
        }
        return messages(404, "404 Not Found");
    }

    private ObjectNode gitlab(Pull p) {
        ObjectNode node = JSON.createObjectNode().put("id", 1000 + p.number()).put("iid", p.number()).put("state", "opened")
                .put("title", p.title()).put("description", p.body()).put("draft", p.title().startsWith("Draft:"))
                .put("source_branch", p.head()).put("target_branch", p.base())
                .put("web_url", "https://gitlab.example/" + p.repo() + "/-/merge_requests/" + p.number());
        ArrayNode labelNames = node.putArray("labels");
        p.labels().forEach(labelNames::add);
        return node;
    }

    private static List<String> splitLabels(JsonNode body) {
        String text = body.path("labels").asText("");
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }

    // --- Bitbucket Cloud: /repositories/{workspace}/{slug}/pullrequests, /pullrequests/{id}

    private Answer bitbucketCloud(String method, String rest, String repo, Map<String, String> params, JsonNode body) {
        if (method.equals("GET") && rest.equals("/pullrequests")) {
            String q = params.getOrDefault("q", "");
            Matcher source = Pattern.compile("source\\.branch\\.name=\"([^\"]*)\"").matcher(q);
            String branch = source.find() ? source.group(1) : null;
            ObjectNode page = JSON.createObjectNode().put("pagelen", 10).put("page", 1);
            ArrayNode values = array(open(repo, p -> branch == null || p.head().equals(branch)).stream().toList());
            page.put("size", values.size()).set("values", values);
            return ok(200, page);
        }
        if (method.equals("POST") && rest.equals("/pullrequests")) {
            String head = body.path("source").path("branch").path("name").asText("");
            if (text(body, "title").isEmpty() || head.isEmpty()) {
                return error(400, "title and source.branch.name are required");
            }
            if (!branchExists.test(repo, head)) {
                return error(400, "source branch not found: " + head);
            }
            String base = body.path("destination").path("branch").path("name").asText("main");
            if (!open(repo, p -> p.head().equals(head) && p.base().equals(base)).isEmpty()) {
                return error(400, "There are already open pull requests for this source and destination branch");
            }
            return ok(201, bitbucketCloud(add(repo, text(body, "title"), text(body, "description"), head, base,
                    body.path("draft").asBoolean(), List.of())));
        }
        Matcher pr = Pattern.compile("/pullrequests/(\\d+)").matcher(rest);
        if (method.equals("PUT") && pr.matches()) {
            Pull found = find(repo, Long.parseLong(pr.group(1)));
            return ok(200, bitbucketCloud(update(found, body.path("title").asText(found.title()),
                    body.path("description").asText(found.body()), found.labels())));
        }
        return error(404, "Resource not found");
    }

    private ObjectNode bitbucketCloud(Pull p) {
        ObjectNode node = JSON.createObjectNode().put("type", "pullrequest").put("id", p.number()).put("state", "OPEN")
                .put("title", p.title()).put("description", p.body()).put("draft", p.draft());
        node.putObject("source").putObject("branch").put("name", p.head());
        node.putObject("destination").putObject("branch").put("name", p.base());
        node.putObject("links").putObject("html").put("href", "https://bitbucket.example/" + p.repo() + "/pull-requests/" + p.number());
        return node;
    }

    // --- Bitbucket Data Center: /projects/{KEY}/repos/{slug}/pull-requests, /pull-requests/{id}

    private Answer bitbucketDataCenter(String method, String rest, String repo, Map<String, String> params, JsonNode body) {
        if (method.equals("GET") && rest.equals("/pull-requests")) {
            String at = params.get("at");
            ArrayNode values = array(open(repo, p -> at == null || at.equals("refs/heads/" + p.head())));
            ObjectNode page = JSON.createObjectNode().put("size", values.size()).put("limit", 25).put("isLastPage", true)
                    .put("start", 0);
            page.set("values", values);
            return ok(200, page);
        }
        if (method.equals("POST") && rest.equals("/pull-requests")) {
            String from = body.path("fromRef").path("id").asText("");
            String to = body.path("toRef").path("id").asText("");
            String slug = body.path("fromRef").path("repository").path("slug").asText("");
            String key = body.path("fromRef").path("repository").path("project").path("key").asText("");
            if (text(body, "title").isEmpty() || !from.startsWith("refs/heads/") || !to.startsWith("refs/heads/")
                    || !repo.equals(key + "/" + slug)) {
                return errors(400, "A title, and fromRef and toRef with their repository, are required", null);
            }
            String head = from.substring("refs/heads/".length());
            String base = to.substring("refs/heads/".length());
            if (!branchExists.test(repo, head)) {
                return errors(404, "Repository " + repo + " does not contain " + from, "NoSuchCommitException");
            }
            if (!open(repo, p -> p.head().equals(head) && p.base().equals(base)).isEmpty()) {
                return errors(409, "Only one pull request may be open for a given source and target branch",
                        "com.atlassian.bitbucket.pull.DuplicatePullRequestException");
            }
            return ok(201, dataCenter(add(repo, text(body, "title"), text(body, "description"), head, base,
                    body.path("draft").asBoolean(), List.of())));
        }
        Matcher pr = Pattern.compile("/pull-requests/(\\d+)").matcher(rest);
        if (method.equals("PUT") && pr.matches()) {
            Pull found = find(repo, Long.parseLong(pr.group(1)));
            if (!body.has("version") || body.path("version").asInt() != found.version()) {
                return errors(409, "You are attempting to modify a pull request based on out-of-date information.",
                        "com.atlassian.bitbucket.pull.PullRequestOutOfDateException");
            }
            return ok(200, dataCenter(update(found, body.path("title").asText(found.title()),
                    body.path("description").asText(found.body()), found.labels())));
        }
        return errors(404, "Not found", null);
    }

    private ObjectNode dataCenter(Pull p) {
        ObjectNode node = JSON.createObjectNode().put("id", p.number()).put("version", p.version()).put("state", "OPEN")
                .put("title", p.title()).put("description", p.body()).put("draft", p.draft());
        node.putObject("fromRef").put("id", "refs/heads/" + p.head());
        node.putObject("toRef").put("id", "refs/heads/" + p.base());
        node.putObject("links").putArray("self").addObject()
                .put("href", "https://bitbucket.example/projects/" + p.repo().replace("/", "/repos/") + "/pull-requests/" + p.number());
        return node;
    }

    // --- Gitea / Forgejo: /repos/{owner}/{repo}/pulls, /pulls/{n}, /labels, /issues/{n}/labels

    private Answer gitea(String method, String rest, String repo, Map<String, String> params, JsonNode body) {
        if (method.equals("GET") && rest.equals("/pulls")) {
            return ok(200, array(open(repo, p -> true)));
        }
        if (method.equals("GET") && rest.equals("/labels")) {
            ArrayNode answer = JSON.createArrayNode();
            labels.forEach((id, name) -> answer.addObject().put("id", id).put("name", name).put("color", "#00aabb"));
            return ok(200, answer);
        }
        if (method.equals("POST") && rest.equals("/pulls")) {
            Answer bad = require(body, "head", "base", "title");
            if (bad != null) {
                return bad;
            }
            if (!branchExists.test(repo, text(body, "head"))) {
                return error(404, "The target couldn't be found.");
            }
            if (!open(repo, p -> p.head().equals(text(body, "head")) && p.base().equals(text(body, "base"))).isEmpty()) {
                return error(409, "pull request already exists for these targets");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode id : body.path("labels")) {
                if (!id.isIntegralNumber() || !labels.containsKey(id.asLong())) {
                    return error(422, "labels must be the ids of existing labels");
                }
                names.add(labels.get(id.asLong()));
            }
            String title = text(body, "title");
            return ok(201, gitea(add(repo, title, text(body, "body"), text(body, "head"), text(body, "base"),
                    title.startsWith("WIP:"), names)));
        }
        Matcher pull = Pattern.compile("/pulls/(\\d+)").matcher(rest);
        if (method.equals("PATCH") && pull.matches()) {
            Pull found = find(repo, Long.parseLong(pull.group(1)));
            return ok(201, gitea(update(found, body.path("title").asText(found.title()), body.path("body").asText(found.body()),
                    found.labels())));
        }
        Matcher issueLabels = Pattern.compile("/issues/(\\d+)/labels").matcher(rest);
        if (method.equals("POST") && issueLabels.matches()) {
            Pull found = find(repo, Long.parseLong(issueLabels.group(1)));
            List<String> names = new ArrayList<>(found.labels());
            body.path("labels").forEach(id -> names.add(labels.get(id.asLong())));
            update(found, found.title(), found.body(), names);
            return ok(200, JSON.createArrayNode());
        }
        return error(404, "Not Found");
    }

    private ObjectNode gitea(Pull p) {
        ObjectNode node = JSON.createObjectNode().put("id", 500 + p.number()).put("number", p.number()).put("state", "open")
                .put("title", p.title()).put("body", p.body())
                .put("html_url", "https://gitea.example/" + p.repo() + "/pulls/" + p.number());
        node.putObject("head").put("ref", p.head());
        node.putObject("base").put("ref", p.base());
        return node;
    }

    // --- storage and answers

    private synchronized Pull add(String repo, String title, String body, String head, String base, boolean draft,
                                  List<String> labelNames) {
        Pull pull = new Pull(repo, pulls.size() + 1, title, body, head, base, draft, List.copyOf(labelNames), 0);
        pulls.add(pull);
        return pull;
    }

    private synchronized Pull update(Pull old, String title, String body, List<String> labelNames) {
        Pull pull = new Pull(old.repo(), old.number(), title, body, old.head(), old.base(), old.draft(),
                List.copyOf(labelNames), old.version() + 1);
        pulls.set(pulls.indexOf(old), pull);
        return pull;
    }

    private Pull find(String repo, long number) {
        return pulls.stream().filter(p -> p.repo().equals(repo) && p.number() == number).findFirst().orElse(null);
    }

    private List<Pull> open(String repo, java.util.function.Predicate<Pull> filter) {
        return pulls.stream().filter(p -> p.repo().equals(repo)).filter(filter).toList();
    }

    private ArrayNode array(List<Pull> list) {
        ArrayNode array = JSON.createArrayNode();
        for (Pull p : list) {
            array.add(switch (kind) {
                case GITHUB -> github(p);
                case GITLAB -> gitlab(p);
                case BITBUCKET_CLOUD -> bitbucketCloud(p);
                case BITBUCKET_DATA_CENTER -> dataCenter(p);
                case GITEA -> gitea(p);
            });
        }
        return array;
    }

    private Answer require(JsonNode body, String... fields) {
        for (String field : fields) {
            if (text(body, field).isEmpty()) {
                return kind == Kind.GITHUB ? validation("PullRequest", field, "missing_field")
                        : kind == Kind.GITLAB ? messages(400, field + " is missing") : error(422, "[" + field + "]: Required");
            }
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asText("");
    }

    private static Answer ok(int status, JsonNode node) {
        return new Answer(status, node);
    }

    private Answer error(int status, String message) {
        if (kind == Kind.BITBUCKET_CLOUD) {
            ObjectNode node = JSON.createObjectNode().put("type", "error");
            node.putObject("error").put("message", message);
            return new Answer(status, node);
        }
        if (kind == Kind.BITBUCKET_DATA_CENTER) {
            return errors(status, message, null);
        }
        if (kind == Kind.GITLAB) {
            return messages(status, message);
        }
        return new Answer(status, JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.example/rest"));
    }

    private static Answer validation(String resource, String field, String code) {
        ObjectNode node = JSON.createObjectNode().put("message", "Validation Failed");
        node.putArray("errors").addObject().put("resource", resource).put("field", field).put("code", code);
        return new Answer(422, node);
    }

    private static Answer messages(int status, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("message").add(message);
        return new Answer(status, node);
    }

    private static Answer errors(int status, String message, String exception) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode error = node.putArray("errors").addObject().putNull("context").put("message", message);
        error.put("exceptionName", exception);
        return new Answer(status, node);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
