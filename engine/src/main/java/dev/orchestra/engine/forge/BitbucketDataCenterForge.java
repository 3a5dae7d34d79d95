package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bitbucket Data Center's REST API 1.0: pull requests of a project's repository; an update names the version it
 * changes. It has no labels.
 */
final class BitbucketDataCenterForge implements Forge {
    private final ForgeTarget target;
    private final ForgeHttp http;

    BitbucketDataCenterForge(ForgeTarget target, String token) {
        this.target = target;
        this.http = new ForgeHttp(target, token, Map.of("Authorization", "Bearer " + token));
    }

    @Override
    public PullRequest openOrUpdate(PullRequestDraft draft) {
        String repo = "/projects/" + ForgeHttp.encode(target.owner()) + "/repos/" + ForgeHttp.encode(target.name());
        JsonNode open = http.get(repo + "/pull-requests?state=OPEN&direction=OUTGOING&at="
                + ForgeHttp.encode("refs/heads/" + draft.head()), "looking for an open pull request");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", draft.title());
        fields.put("description", draft.body());
        JsonNode existing = null;
        for (JsonNode pull : open.path("values")) {
            if (("refs/heads/" + draft.base()).equals(pull.path("toRef").path("id").asText())) {
                existing = pull;
                break;
            }
        }
        JsonNode pull;
        if (existing == null) {
            fields.put("fromRef", ref(draft.head()));
            fields.put("toRef", ref(draft.base()));
            fields.put("draft", draft.draft());
            pull = http.send("POST", repo + "/pull-requests", fields, "opening the pull request");
        } else {
            long id = existing.path("id").asLong();
            fields.put("version", existing.path("version").asLong());
            pull = http.send("PUT", repo + "/pull-requests/" + id, fields, "updating pull request #" + id);
        }
        List<String> notes = new ArrayList<>();
        if (!draft.labels().isEmpty()) {
            notes.add("Bitbucket has no labels on pull requests; labels " + draft.labels() + " were not set");
        }
        return new PullRequest(pull.path("id").asLong(), pull.path("links").path("self").path(0).path("href").asText(),
                existing == null, notes);
    }

    private Map<String, Object> ref(String branch) {
        return Map.of("id", "refs/heads/" + branch,
                "repository", Map.of("slug", target.name(), "project", Map.of("key", target.owner())));
    }
}
