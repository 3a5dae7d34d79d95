package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.GitHttpServer;
import dev.orchestra.testsupport.LoopbackForge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run branch leaves the workspace only after the pr gate: pushed with JGit over git's HTTP protocol to a bare
 * repository on loopback (or over file://), then a pull request on a loopback GitHub.
 */
class PullRequestTest {
    private static final String TOKEN = "test-forge-token-5f1e2d3c4b5a69788796a5b4";

    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    @TempDir
    Path forgeRoot;

    TestRepo repo;
    Path workflow;
    Path bare;
    GitHttpServer git;
    LoopbackForge forge;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
        workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: echo hello > greeting.txt
                """);
        bare = forgeRoot.resolve("acme/app.git");
        Git.init().setBare(true).setGitDir(bare.toFile()).setInitialBranch("main").call().close();
        git = GitHttpServer.start(forgeRoot, "x-access-token", TOKEN);
        try (Git local = Git.open(repoDir.toFile())) {
            local.remoteAdd().setName("origin").setUri(new URIish(git.url("acme/app"))).call();
            local.remoteAdd().setName("mirror").setUri(new URIish(bare.toUri().toString())).call();
            local.push().setRemote("mirror").setRefSpecs(new RefSpec("main:main")).call();
        }
        forge = LoopbackForge.start(LoopbackForge.Kind.GITHUB, TOKEN, (path, branch) -> branch(branch) != null)
                .repository("acme/app");
    }

    @AfterEach
    void tearDown() {
        git.close();
        forge.close();
    }

    @Test
    void thePrGateApprovalPushesTheBranchOverHttpAndOpensThePullRequest() throws Exception {
        CliRunner.Result atGate = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "pr", "--run-id", "p1", "--task", "# Add a greeting\n\nSay hello.",
                "--push", "origin", "--pull-request", "--forge", "github", "--forge-url", forge.apiBase(),
                "--label", "orchestra", "--json");

        assertThat(atGate.exitCode()).as(atGate.toString()).isEqualTo(10);
        assertThat(json(atGate).path("gateDetails").asText()).contains("Patch series: 1 patch(es), sha256 ");
        assertThat(branch("orchestra/p1")).as("nothing leaves before the pr gate").isNull();
        assertThat(forge.pulls()).isEmpty();

        String shown = json(atGate).path("gateDetails").asText().replaceAll("(?s).*sha256 ([0-9a-f]{64}).*", "$1");
        CliRunner.Result wrongSeries = orchestra(env(TOKEN), "resume", "--repo", repoDir.toString(), "--approve",
                "--series", "0123456789abcdef", "--json");
        assertThat(wrongSeries.exitCode()).as(wrongSeries.toString()).isEqualTo(2);
        assertThat(wrongSeries.err()).contains("not the one approved");
        assertThat(branch("orchestra/p1")).isNull();

        CliRunner.Result approved = orchestra(env(TOKEN), "resume", "--repo", repoDir.toString(), "--approve", "--by", "alice",
                "--series", shown.substring(0, 16), "--json");

        assertThat(approved.exitCode()).as(approved.toString()).isEqualTo(0);
        String head = localBranch("orchestra/p1");
        assertThat(branch("orchestra/p1")).isEqualTo(head);
        JsonNode published = json(approved).path("published");
        assertThat(published.path("commit").asText()).isEqualTo(head);
        assertThat(published.path("pullRequest").path("url").asText()).isEqualTo("https://github.example/acme/app/pull/1");
        String summary = Files.readString(repoDir.resolve(".orchestra/runs/p1/bundle/SUMMARY.md"));
        assertThat(forge.pulls()).singleElement().satisfies(pull -> {
            assertThat(pull.title()).isEqualTo("Add a greeting");
            assertThat(pull.body()).startsWith(summary).contains(published.path("seriesSha256").asText().substring(0, 12));
            assertThat(pull.head()).isEqualTo("orchestra/p1");
            assertThat(pull.base()).isEqualTo("main");
            assertThat(pull.draft()).isFalse();
            assertThat(pull.labels()).containsExactly("orchestra");
        });
        assertThat(approved.err()).contains("opened pull request #1");
        assertThat(published.path("seriesSha256").asText()).as("the hash of the bundle's patch series")
                .isEqualTo(sha256(repoDir.resolve(".orchestra/runs/p1/bundle/patches")));
        assertThat(approved.out() + approved.err() + atGate.out() + atGate.err()).doesNotContain(TOKEN);
        assertThat(git.authorizations()).allMatch(auth -> auth.startsWith("Basic "));
    }

    @Test
    void aBranchMovedAfterTheApprovalIsNeverPushedAndFileUrlsWork() throws Exception {
        CliRunner.Result atGate = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "pr", "--run-id", "p2", "--json");
        assertThat(atGate.exitCode()).as(atGate.toString()).isEqualTo(10);
        assertThat(orchestra(env(TOKEN), "resume", "--repo", repoDir.toString(), "--approve").exitCode()).isEqualTo(0);
        String approvedHead = localBranch("orchestra/p2");
        repo.write("extra.txt", "not reviewed\n");
        try (Git local = Git.open(repoDir.toFile())) {
            local.add().addFilepattern("extra.txt").call();
            PersonIdent me = new PersonIdent("Someone", "someone@example.invalid");
            local.commit().setMessage("unreviewed").setAuthor(me).setCommitter(me).call();
        }

        CliRunner.Result refused = orchestra(env(TOKEN), "publish", "--repo", repoDir.toString(), "--run-id", "p2",
                "--push", "mirror");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("moved since the pr gate approved");
        assertThat(CliRunner.errorLines(refused)).hasSize(1);
        assertThat(branch("orchestra/p2")).isNull();

        try (Git local = Git.open(repoDir.toFile())) {
            local.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(approvedHead).call();
        }
        CliRunner.Result pushed = orchestra(env(TOKEN), "publish", "--repo", repoDir.toString(), "--run-id", "p2",
                "--push", "mirror", "--json");

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(0);
        assertThat(branch("orchestra/p2")).isEqualTo(approvedHead);
    }

    @Test
    void aTokenTheForgeRefusesSaysTheBranchIsPushedButNoPullRequestOpened() throws Exception {
        forge.close();
        forge = LoopbackForge.start(LoopbackForge.Kind.GITHUB, "another-token", (path, branch) -> true).repository("acme/app");

        CliRunner.Result result = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "none", "--run-id", "p3", "--push", "origin", "--pull-request",
                "--forge", "github", "--forge-url", forge.apiBase(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("branch orchestra/p3 is pushed to origin but no pull request was opened",
                "orchestra publish --run-id p3", "401", "$GITHUB_TOKEN").doesNotContain(TOKEN);
        assertThat(json(result).path("error").asText()).contains("401");
        assertThat(branch("orchestra/p3")).isEqualTo(localBranch("orchestra/p3"));
        assertThat(forge.pulls()).isEmpty();
    }

    @Test
    void anEscalatedRunWithoutAHumanAtThePrGateGoesOutAsADraft() throws Exception {
        Path breaking = repo.workflow(outside, """
                  - id: break
                    agent: command
                    instructions: Break the test script.
                    with:
                      run: echo 'exit 3' > validate.sh
                """);

        CliRunner.Result result = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", breaking.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "plan", "--run-id", "p5", "--task", "Break it", "--push",
                "origin", "--pull-request", "--forge", "github", "--forge-url", forge.apiBase(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(10);
        CliRunner.Result escalated = orchestra(env(TOKEN), "resume", "--repo", repoDir.toString(), "--approve", "--json");

        assertThat(escalated.exitCode()).as(escalated.toString()).isEqualTo(12);
        assertThat(forge.pulls()).singleElement().satisfies(pull -> {
            assertThat(pull.draft()).isTrue();
            assertThat(pull.body()).contains("**Status:** ESCALATED", "What a human has to finish");
        });
        assertThat(json(escalated).path("published").path("draft").asBoolean()).isTrue();
    }

    @Test
    void anEscalatedRunWithAHumanAtThePrGateStaysInTheWorkspace() throws Exception {
        Path breaking = repo.workflow(outside, """
                  - id: break
                    agent: command
                    instructions: Break the test script.
                    with:
                      run: echo 'exit 3' > validate.sh
                """);

        CliRunner.Result result = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", breaking.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "pr", "--run-id", "p6", "--push", "origin", "--pull-request",
                "--forge", "github", "--forge-url", forge.apiBase(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(12);
        assertThat(branch("orchestra/p6")).isNull();
        assertThat(forge.pulls()).isEmpty();
    }

    @Test
    void aPullRequestWithoutPushIsBadInputAndChangesNothing() throws Exception {
        CliRunner.Result result = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--run-id", "p4", "--pull-request");
        CliRunner.Result tokenAsName = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow",
                workflow.toString(), "--run-id", "p4", "--push", "origin", "--token-env", "pasted-token-not-in-the-environment");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--pull-request needs --push REMOTE");
        assertThat(tokenAsName.exitCode()).isEqualTo(2);
        assertThat(tokenAsName.err()).contains("--token-env").doesNotContain("pasted-token");
        assertThat(repoDir.resolve(".orchestra/runs/p4")).doesNotExist();
    }

    @Test
    void aRemoteOrTokenThatIsNotThereIsBadInputBeforeTheRunStarts() throws Exception {
        Map<String, String> noToken = new HashMap<>(System.getenv());
        noToken.remove("GITHUB_TOKEN");

        CliRunner.Result noRemote = orchestra(env(TOKEN), "run", "--repo", repoDir.toString(), "--workflow",
                workflow.toString(), "--run-id", "p7", "--push", "upstream");
        CliRunner.Result unset = orchestra(noToken, "run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--run-id", "p7", "--push", "origin", "--pull-request", "--forge", "github");

        assertThat(noRemote.exitCode()).isEqualTo(2);
        assertThat(noRemote.err()).contains("--push upstream: the repository has no such remote");
        assertThat(CliRunner.errorLines(noRemote)).hasSize(1);
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("$GITHUB_TOKEN is not set");
        assertThat(CliRunner.errorLines(unset)).hasSize(1);
        assertThat(repoDir.resolve(".orchestra/runs/p7")).doesNotExist();
        assertThat(repo.branch()).isEqualTo("main");
    }

    private static String sha256(Path patches) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var files = Files.list(patches)) {
            for (Path patch : files.sorted().toList()) {
                digest.update(Files.readAllBytes(patch));
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GITHUB_TOKEN", token);
        return env;
    }

    private static CliRunner.Result orchestra(Map<String, String> env, String... args) {
        return CliRunner.run(env, args);
    }

    private static JsonNode json(CliRunner.Result result) throws IOException {
        return Json.MAPPER.readTree(result.out());
    }

    private String branch(String name) {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
            ObjectId id = repository.resolve("refs/heads/" + name);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String localBranch(String name) throws IOException {
        try (Git local = Git.open(repoDir.toFile())) {
            return local.getRepository().resolve("refs/heads/" + name).name();
        }
    }
}
