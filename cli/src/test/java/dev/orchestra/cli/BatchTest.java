package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nightly campaign over generated repositories: killed in the middle, resumed, one rollup. */
class BatchTest {
    private static final int REPOS = 5;

    @TempDir
    Path work;

    @Test
    void aCampaignKilledInTheMiddleResumesWithoutRedoingFinishedRepositories() throws Exception {
        Path campaign = work.resolve("nightly");
        List<String> args = campaignArgs(campaign);

        Process killed = CliRunner.start(Map.of(), work.resolve("killed.log"), args.toArray(String[]::new));
        List<String> finishedBeforeKill = waitForFinished(campaign, killed);
        killed.destroyForcibly();
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(finishedBeforeKill).as("killed in the middle").isNotEmpty().hasSizeLessThan(REPOS);
        Map<String, String> statesBefore = new HashMap<>();
        for (String name : finishedBeforeKill) {
            statesBefore.put(name, Files.readString(state(campaign, name)));
        }

        CliRunner.Result resumed = CliRunner.run(System.getenv(), args.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1); // the missing repository failed
        JsonNode out = Json.MAPPER.readTree(resumed.out());
        assertThat(out.path("totals").path("done").asInt()).isEqualTo(REPOS);
        assertThat(out.path("totals").path("failed").asInt()).isEqualTo(1);
        for (String name : finishedBeforeKill) {
            assertThat(Files.readString(state(campaign, name))).as(name + " was not run again").isEqualTo(statesBefore.get(name));
        }
        assertThat(resumed.err()).contains("finished before: never run again");
        JsonNode written = Json.MAPPER.readTree(campaign.resolve("campaign.json").toFile());
        for (JsonNode row : written.path("repos")) {
            if (row.path("name").asText().equals("missing")) {
                assertThat(row.path("exitCode").asInt()).isEqualTo(2);
                assertThat(row.path("failure").asText()).contains("cannot clone");
                continue;
            }
            assertThat(row.path("outcome").asText()).as(row.toString()).isEqualTo("done");
            assertThat(row.path("exitCode").asInt()).isEqualTo(0);
            assertThat(row.path("testsBefore").path("failed").asInt()).isEqualTo(1);
            assertThat(row.path("testsAfter").path("failed").asInt()).isEqualTo(0);
            assertThat(row.path("insertions").asInt()).isEqualTo(1);
            assertThat(campaign.resolve(row.path("bundle").asText()).resolve("bundle.json")).exists();
        }
        String html = Files.readString(campaign.resolve("rollup.html"));
        assertThat(html).contains("app-1", "app-5", "missing").doesNotContain("<script", "style=", "<style")
                .contains("<a href=\"repos/app-2/.orchestra/runs/batch-app-2/bundle/report.html\">app-2</a>");
        assertThat(Files.readString(campaign.resolve("ROLLUP.md"))).contains("**Repositories:** 6 (6 finished: 5 done");
        assertThat(campaign.resolve("rollup.css")).exists();
    }

    @Test
    void aCampaignClonedOverHttpOpensOnePullRequestPerRepository() throws Exception {
        String token = "campaign-token-7d1c9e2b3a4f5061";
        Path root = work.resolve("forge");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= REPOS; i++) {
            Path src = work.resolve("src").resolve("svc-" + i);
            TestRepo.create(src);
            org.eclipse.jgit.api.Git.cloneRepository().setBare(true).setURI(src.toUri().toString())
                    .setDirectory(root.resolve("org/svc-" + i + ".git").toFile()).call().close();
        }
        try (var git = dev.orchestra.testsupport.GitHttpServer.start(root, "bot", token);
             var forge = dev.orchestra.testsupport.LoopbackForge.start(dev.orchestra.testsupport.LoopbackForge.Kind.GITEA,
                     token, (repo, branch) -> Files.exists(root.resolve(repo + ".git/refs/heads/" + branch)))) {
            for (int i = 1; i <= REPOS; i++) {
                forge.repository("org/svc-" + i);
                lines.append(git.url("org/svc-" + i)).append(" main ").append(TestRepo.VALIDATE).append('\n');
            }
            Path file = Files.writeString(work.resolve("forge-repos.txt"), lines.toString());
            List<String> args = campaignArgs(work.resolve("unused"));
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(Map.of("GITEA_TOKEN", token, "ORCHESTRA_CLONE_TOKEN", token, "ORCHESTRA_GIT_USER", "bot"));

            CliRunner.Result result = CliRunner.run(env, "batch", "--repos", file.toString(), "--workflow",
                    args.get(args.indexOf("--workflow") + 1), "--jobs", "2", "--dir", work.resolve("prs").toString(),
                    "--push", "origin", "--pull-request", "--forge", "gitea", "--forge-url", forge.apiBase(), "--json");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
            assertThat(forge.pulls()).hasSize(REPOS).allSatisfy(pull -> {
                assertThat(pull.head()).isEqualTo("orchestra/batch-" + pull.repo().substring(4));
                assertThat(pull.title()).isEqualTo("Orchestra: greet");
                assertThat(pull.body()).startsWith("# Orchestra run batch-");
            });
            JsonNode out = Json.MAPPER.readTree(result.out());
            assertThat(out.path("totals").path("pullRequests").asInt()).isEqualTo(REPOS);
            assertThat(Files.readString(work.resolve("prs/rollup.html"))).contains("https://gitea.example/org/svc-3/pulls/");
            assertThat(result.out() + result.err() + Files.readString(work.resolve("prs/campaign.json"))).doesNotContain(token);
        }
    }

    @Test
    void rollupWritesTheSameRollupFromBundles() throws Exception {
        Path campaign = work.resolve("fanout");
        CliRunner.Result batch = CliRunner.run(System.getenv(), campaignArgs(campaign).toArray(String[]::new));
        assertThat(batch.exitCode()).as(batch.toString()).isEqualTo(1);
        Path out = work.resolve("rollup-out");

        CliRunner.Result rollup = CliRunner.run(System.getenv(), "rollup", campaign.resolve("repos").toString(), "--out",
                out.toString(), "--json");

        assertThat(rollup.exitCode()).as(rollup.toString()).isEqualTo(0);
        JsonNode written = Json.MAPPER.readTree(out.resolve("campaign.json").toFile());
        assertThat(written.path("totals").path("repos").asInt()).isEqualTo(REPOS);
        assertThat(written.path("totals").path("done").asInt()).isEqualTo(REPOS);
        assertThat(written.path("totals").path("insertions").asInt()).isEqualTo(REPOS);
        assertThat(Files.readString(out.resolve("rollup.html"))).contains("app-3");

        CliRunner.Result nothing = CliRunner.run(System.getenv(), "rollup", work.resolve("no-such").toString(), "--out",
                work.resolve("other").toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(work.resolve("other")).doesNotExist();
    }

    @Test
    void aBadRepositoriesFileIsOneLineAndChangesNothing() throws Exception {
        Path file = Files.writeString(work.resolve("repos.txt"), "# nightly\n/some/where\n");

        CliRunner.Result result = CliRunner.run(System.getenv(), "batch", "--repos", file.toString(), "--workflow", "x",
                "--dir", work.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("repos.txt:2: give SOURCE BRANCH");
        assertThat(CliRunner.errorLines(result)).hasSize(1);
        assertThat(work.resolve("c")).doesNotExist();
    }

    private List<String> campaignArgs(Path campaign) throws Exception {
        StringBuilder lines = new StringBuilder("# generated repositories\n");
        for (int i = 1; i <= REPOS; i++) {
            Path dir = work.resolve("src").resolve("app-" + i);
            if (!Files.exists(dir)) {
                TestRepo.create(dir);
            }
            lines.append(dir).append(" main ").append(TestRepo.VALIDATE).append('\n');
        }
        lines.append(work.resolve("src").resolve("missing")).append(" main\n");
        Path file = Files.writeString(work.resolve("repos.txt"), lines.toString());
        Path workflow = Files.writeString(work.resolve("greet.yml"), """
                name: greet
                description: Add a greeting.
                steps:
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: sleep 1 && echo hello > greeting.txt
                """);
        return new ArrayList<>(List.of("batch", "--repos", file.toString(), "--workflow", workflow.toString(), "--jobs",
                "2", "--dir", campaign.toString(), "--json"));
    }

    private static List<String> waitForFinished(Path campaign, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Path file = campaign.resolve("campaign.json");
            if (Files.isRegularFile(file)) {
                List<String> finished = new ArrayList<>();
                for (JsonNode row : Json.MAPPER.readTree(file.toFile()).path("repos")) {
                    if (row.path("state").asText().equals("finished") && !row.path("name").asText().equals("missing")) {
                        finished.add(row.path("name").asText());
                    }
                }
                if (!finished.isEmpty()) {
                    return finished;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no repository finished before the campaign ended");
    }

    private static Path state(Path campaign, String name) {
        return campaign.resolve("repos").resolve(name).resolve(".orchestra/runs/batch-" + name + "/state.json");
    }
}
