package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What humans changed on top of a run before it was merged, measured from the real merge. */
class ReworkTest {
    private static final PersonIdent REVIEWER = new PersonIdent("Reviewer", "reviewer@example.invalid");

    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;

    @BeforeEach
    void finishedRun() throws Exception {
        repo = TestRepo.create(repoDir);
        Path workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: printf 'hello\\nworld\\n' > greeting.txt
                """);
        CliRunner.Result run = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(), "--validate",
                TestRepo.VALIDATE, "--gates", "none", "--run-id", "r1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
    }

    @Test
    void twoSmallHumanCommitsMergedWithAMergeCommitAreMinorRework() throws Exception {
        commitOnRunBranch("greeting.txt", "hello\nthere\n", "Word it better");
        commitOnRunBranch("NOTES.md", "Reviewed.\n", "Add a note");
        String merge = mergeIntoMain();

        CliRunner.Result result = orchestra("rework", "r1", "--repo", repoDir.toString(), "--merged", merge, "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode rework = Json.MAPPER.readTree(result.out());
        assertThat(rework.path("level").asText()).isEqualTo("minor");
        assertThat(rework.path("humanCommits").asInt()).isEqualTo(2);
        assertThat(rework.path("linesAdded").asInt()).isEqualTo(2);
        assertThat(rework.path("linesRemoved").asInt()).isEqualTo(1);
        assertThat(rework.path("humanOnlyFiles").toString()).isEqualTo("[\"NOTES.md\"]");
        JsonNode metrics = Json.MAPPER.readTree(repoDir.resolve(".orchestra/runs/r1/bundle/metrics.json").toFile());
        assertThat(metrics.path("rework").path("level").asText()).isEqualTo("minor");
        assertThat(metrics.path("patch").path("insertions").asInt()).as("the rest of metrics.json stays").isEqualTo(2);
    }

    @Test
    void theRunMergedAsItWasIsNoRework() throws Exception {
        String merge = mergeIntoMain();

        CliRunner.Result result = orchestra("rework", repoDir.resolve(".orchestra/runs/r1").toString(), "--merged", merge,
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(Json.MAPPER.readTree(result.out()).path("level").asText()).isEqualTo("none");
    }

    @Test
    void aRewriteByHumansIsMajorRework() throws Exception {
        commitOnRunBranch("greeting.txt", "bonjour\n".repeat(40), "Rewrite it");
        String merge = mergeIntoMain();

        CliRunner.Result result = orchestra("rework", "r1", "--repo", repoDir.toString(), "--merged", merge, "--json");

        assertThat(Json.MAPPER.readTree(result.out()).path("level").asText()).isEqualTo("major");
    }

    @Test
    void aSquashMergeIsRefusedWithWhatToGiveInstead() throws Exception {
        try (Git git = Git.open(repoDir.toFile())) {
            git.checkout().setName("main").call();
            repo.write("greeting.txt", "hello\nworld\n");
            git.add().addFilepattern("greeting.txt").call();
            RevCommit squash = git.commit().setMessage("Squashed").setAuthor(REVIEWER).setCommitter(REVIEWER).call();

            CliRunner.Result result = orchestra("rework", "r1", "--repo", repoDir.toString(), "--merged", squash.name());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("does not contain the run's head", "branch tip as merged");
        assertThat(CliRunner.errorLines(result)).hasSize(1);
            assertThat(repoDir.resolve(".orchestra/runs/r1/rework.json")).doesNotExist();
        }
    }

    private void commitOnRunBranch(String path, String content, String message) throws Exception {
        try (Git git = Git.open(repoDir.toFile())) {
            git.checkout().setName("orchestra/r1").call();
            repo.write(path, content);
            git.add().addFilepattern(path).call();
            git.commit().setMessage(message).setAuthor(REVIEWER).setCommitter(REVIEWER).call();
        }
    }

    private String mergeIntoMain() throws Exception {
        try (Git git = Git.open(repoDir.toFile())) {
            git.checkout().setName("main").call();
            repo.write("CHANGELOG.md", "Someone else's change on main.\n");
            git.add().addFilepattern("CHANGELOG.md").call();
            git.commit().setMessage("Meanwhile on main").setAuthor(REVIEWER).setCommitter(REVIEWER).call();
            return git.merge().include(git.getRepository().resolve("orchestra/r1")).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("Merge pull request").call().getNewHead().name();
        }
    }
}
