package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import dev.orchestra.testsupport.SearchReplaceBlocks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that writes the operator's key and another secret into everything it writes: its plan summary, a
 * step's instructions and the edit's rationale (which become the run branch's commit message), and its account.
 * Neither secret reaches a file of the run, the bundle, a commit message on the branch, or the output.
 */
class ModelWrittenSecretsTest {
    static final String KEY = "fake-model-key-for-tests-0123456789";
    static final String MYSQL_PWD = "fake-mysql-pwd-for-tests-0123";

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        OperatorSettingsTest.SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n"));
    }

    @Test
    void secretsTheModelWritesReachNoFileNoCommitMessageAndNoOutput() throws Exception {
        Reliability.Tally tally = OperatorSettingsTest.SECTION.tally(
                "model writes the key and `$MYSQL_PWD` into its plan, rationale (commit message) and account");
        tally.tried();
        CliRunner.Result result;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(ModelWrittenSecretsTest::answer)) {
            result = Cli.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY, "MYSQL_PWD", MYSQL_PWD), "run", "--repo",
                    repo.toString(), "--task", "Improve the README.", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl() + "/v1", "--api-key-env", "ORCHESTRA_TEST_KEY", "--gates", "none", "--run-id", "m1",
                    "--json");
        }

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(messages("orchestra/m1")).as("the run branch holds the step's commit").hasSize(2)
                .first().asString().contains("[REDACTED]").doesNotContain(KEY, MYSQL_PWD);
        OperatorSettingsTest.assertNoFileHolds(repo.resolve(".orchestra/runs/m1"), KEY, MYSQL_PWD);
        assertThat(result.out() + result.err()).doesNotContain(KEY, MYSQL_PWD);
        tally.held();
    }

    private static ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        String leak = "(the key is " + KEY + ", the database password " + MYSQL_PWD + ")";
        if (system.contains("You are the planner")) {
            return ScriptedAnswer.text("{\"summary\": \"Improve the README " + leak + ".\", \"steps\": ["
                    + ModelFaultsTest.step("readme", "code-writer", "Improve the README " + leak + ".", "README.md",
                    List.of()) + "]}");
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.text(SearchReplaceBlocks.text("Shorter " + leak + ".", "README.md", "A project.\n",
                    "A small project.\n"));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(ModelFaultsTest.json(Map.of("changes", "The README is clearer " + leak + ".",
                    "risks", List.of("None " + leak), "files", List.of("README.md"), "tests", List.of())));
        }
        return ScriptedAnswer.status(400);
    }

    /** The full message of every commit on {@code branch}, newest first. */
    private List<String> messages(String branch) throws Exception {
        List<String> messages = new ArrayList<>();
        try (Git git = Git.open(repo.toFile())) {
            for (RevCommit commit : git.log().add(git.getRepository().resolve(branch)).call()) {
                messages.add(commit.getFullMessage());
            }
        }
        return messages;
    }
}
