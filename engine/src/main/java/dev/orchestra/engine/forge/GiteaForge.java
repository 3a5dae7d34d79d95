package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gitea's and Forgejo's REST API v1: pulls; labels are set by id (looked up by name, never created); a draft is a
 * title starting with {@code WIP:}.
 */
final class GiteaForge implements Forge {
    private static final int PAGE = 50;
    private final ForgeTarget target;
    private final ForgeHttp http;

    GiteaForge(ForgeTarget target, String token) {
        this.target = target;
        this.http = new ForgeHttp(target, token, Map.of("Authorization", "token " + token));
    }

    @Override
    public PullRequest openOrUpdate(PullRequestDraft draft) {
        String repo = "/repos/" + ForgeHttp.encode(target.owner()) + "/" + ForgeHttp.encode(target.name());
        List<String> notes = new ArrayList<>();
        List<Long> labelIds = labelIds(repo, draft.labels(), notes);
        JsonNode existing = findOpen(repo, draft);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", draft.draft() ? "WIP: " + draft.title() : draft.title());
        fields.put("body", draft.body());
        JsonNode pull;
        if (existing == null) {
            fields.put("head", draft.head());
            fields.put("base", draft.base());
            if (!labelIds.isEmpty()) {
                fields.put("labels", labelIds);
            }
            pull = http.send("POST", repo + "/pulls", fields, "opening the pull request");
        } else {
            long number = existing.path("number").asLong();
            pull = http.send("PATCH", repo + "/pulls/" + number, fields, "updating pull request #" + number);
            if (!labelIds.isEmpty()) {
                http.send("POST", repo + "/issues/" + number + "/labels", Map.of("labels", labelIds),
                        "labelling pull request #" + number);
            }
        }
        return new PullRequest(pull.path("number").asLong(), pull.path("html_url").asText(), existing == null, notes);
    }

    private JsonNode findOpen(String repo, PullRequestDraft draft) {
        for (int page = 1; page <= 20; page++) {
            JsonNode pulls = http.get(repo + "/pulls?state=open&limit=" + PAGE + "&page=" + page,
                    "looking for an open pull request");
            for (JsonNode pull : pulls) {
                if (draft.head().equals(pull.path("head").path("ref").asText())
                        && draft.base().equals(pull.path("base").path("ref").asText())) {
                    return pull;
                }
            }
            if (!pulls.isArray() || pulls.size() < PAGE) {
                return null;
            }
        }
        return null;
    }

    private List<Long> labelIds(String repo, List<String> names, List<String> notes) {
        List<Long> ids = new ArrayList<>();
        if (names.isEmpty()) {
            return ids;
        }
        JsonNode labels = http.get(repo + "/labels?limit=" + PAGE, "reading the repository's labels");
        for (String name : names) {
            long id = -1;
            for (JsonNode label : labels) {
                if (name.equals(label.path("name").asText())) {
                    id = label.path("id").asLong();
                }
            }
            if (id < 0) {
                notes.add("the repository has no label '" + name + "'; it was not set (Orchestra creates no labels)");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }
}
