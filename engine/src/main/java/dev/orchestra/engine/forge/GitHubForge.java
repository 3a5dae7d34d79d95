package dev.orchestra.engine.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GitHub's REST API (github.com and GitHub Enterprise Server): pulls, and labels through the pull request's issue. */
final class GitHubForge implements Forge {
    private final ForgeTarget target;
    private final ForgeHttp http;

    GitHubForge(ForgeTarget target, String token) {
        this.target = target;
        this.http = new ForgeHttp(target, token, Map.of("Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28"));
    }

    @Override
    public PullRequest openOrUpdate(PullRequestDraft draft) {
        String repo = "/repos/" + ForgeHttp.encode(target.owner()) + "/" + ForgeHttp.encode(target.name());
        JsonNode open = http.get(repo + "/pulls?state=open&head=" + ForgeHttp.encode(target.owner() + ":" + draft.head())
                + "&base=" + ForgeHttp.encode(draft.base()), "looking for an open pull request");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", draft.title());
        fields.put("body", draft.body());
        JsonNode pull;
        boolean created = !open.isArray() || open.isEmpty();
        if (created) {
            fields.put("head", draft.head());
            fields.put("base", draft.base());
            fields.put("draft", draft.draft());
            pull = http.send("POST", repo + "/pulls", fields, "opening the pull request");
        } else {
            pull = http.send("PATCH", repo + "/pulls/" + open.get(0).path("number").asLong(), fields,
                    "updating pull request #" + open.get(0).path("number").asLong());
        }
        long number = pull.path("number").asLong();
        if (!draft.labels().isEmpty()) {
            http.send("POST", repo + "/issues/" + number + "/labels", Map.of("labels", draft.labels()),
                    "labelling pull request #" + number);
        }
        List<String> notes = !created && draft.draft() && !pull.path("draft").asBoolean()
                ? List.of("the pull request was already open and ready for review; GitHub's REST API does not turn it back into a draft")
                : List.of();
        return new PullRequest(number, pull.path("html_url").asText(), created, notes);
    }
}
