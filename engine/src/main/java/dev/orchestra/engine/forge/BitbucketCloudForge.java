package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bitbucket Cloud's REST API 2.0: pull requests of a workspace's repository. It has no labels. */
final class BitbucketCloudForge implements Forge {
    private final ForgeTarget target;
    private final ForgeHttp http;

    BitbucketCloudForge(ForgeTarget target, String token) {
        this.target = target;
        this.http = new ForgeHttp(target, token, Map.of("Authorization", "Bearer " + token));
    }

    @Override
    public PullRequest openOrUpdate(PullRequestDraft draft) {
        String repo = "/repositories/" + ForgeHttp.encode(target.owner()) + "/" + ForgeHttp.encode(target.name());
        String query = "source.branch.name=\"" + draft.head() + "\" AND destination.branch.name=\"" + draft.base()
                + "\" AND state=\"OPEN\"";
        JsonNode open = http.get(repo + "/pullrequests?q=" + ForgeHttp.encode(query), "looking for an open pull request");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", draft.title());
        fields.put("description", draft.body());
        JsonNode values = open.path("values");
        boolean created = !values.isArray() || values.isEmpty();
        JsonNode pull;
        if (created) {
            fields.put("source", Map.of("branch", Map.of("name", draft.head())));
            fields.put("destination", Map.of("branch", Map.of("name", draft.base())));
            fields.put("draft", draft.draft());
            pull = http.send("POST", repo + "/pullrequests", fields, "opening the pull request");
        } else {
            long id = values.get(0).path("id").asLong();
            pull = http.send("PUT", repo + "/pullrequests/" + id, fields, "updating pull request #" + id);
        }
        List<String> notes = new ArrayList<>();
        if (!draft.labels().isEmpty()) {
            notes.add("Bitbucket has no labels on pull requests; labels " + draft.labels() + " were not set");
        }
        return new PullRequest(pull.path("id").asLong(), pull.path("links").path("html").path("href").asText(), created,
                notes);
    }
}
