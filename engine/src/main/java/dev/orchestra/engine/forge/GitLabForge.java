package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GitLab's REST API v4: merge requests; a draft is a title starting with {@code Draft:}. */
final class GitLabForge implements Forge {
    private final ForgeTarget target;
    private final ForgeHttp http;

    GitLabForge(ForgeTarget target, String token) {
        this.target = target;
        this.http = new ForgeHttp(target, token, Map.of("PRIVATE-TOKEN", token));
    }

    @Override
    public PullRequest openOrUpdate(PullRequestDraft draft) {
        String project = "/projects/" + ForgeHttp.encode(target.repoPath());
        JsonNode open = http.get(project + "/merge_requests?state=opened&source_branch=" + ForgeHttp.encode(draft.head())
                + "&target_branch=" + ForgeHttp.encode(draft.base()), "looking for an open merge request");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", draft.draft() ? "Draft: " + draft.title() : draft.title());
        fields.put("description", draft.body());
        if (!draft.labels().isEmpty()) {
            fields.put("labels", String.join(",", draft.labels()));
        }
        boolean created = !open.isArray() || open.isEmpty();
        JsonNode request;
        if (created) {
            fields.put("source_branch", draft.head());
            fields.put("target_branch", draft.base());
            request = http.send("POST", project + "/merge_requests", fields, "opening the merge request");
        } else {
            long iid = open.get(0).path("iid").asLong();
            request = http.send("PUT", project + "/merge_requests/" + iid, fields, "updating merge request !" + iid);
        }
        return new PullRequest(request.path("iid").asLong(), request.path("web_url").asText(), created, List.of());
    }
}
