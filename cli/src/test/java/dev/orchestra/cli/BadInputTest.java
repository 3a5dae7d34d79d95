package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    TestRepo repo;
    Path workflow;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
        workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    with:
                      run: echo hello > greeting.txt
                """);
    }

    private void assertNothingChanged() throws Exception {
        assertThat(repoDir.resolve(".orchestra")).doesNotExist();
        assertThat(repo.branch()).isEqualTo("main");
        try (var git = org.eclipse.jgit.api.Git.open(repoDir.toFile())) {
            assertThat(git.branchList().call()).hasSize(1);
        }
    }

    private static void assertOneLine(CliRunner.Result result, String... words) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().strip().lines().findFirst().orElse("")).startsWith("orchestra: ").contains(words);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDirtyWorkingTreeIsRefusedAndLeftAlone() throws Exception {
        repo.write("README.md", "my unfinished edit\n");
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString());
        assertOneLine(result, "uncommitted changes", "README.md");
        assertThat(repoDir.resolve("README.md")).hasContent("my unfinished edit");
        assertNothingChanged();
    }

    @Test
    void aWorkflowWithAnUnknownAgentNamesTheFileAndLine() throws Exception {
        Path bad = repo.workflow(outside, """
                  - id: greet
                    agent: wizard
                """);
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", bad.toString());
        assertOneLine(result, bad.toString() + ":5", "wizard");
        assertNothingChanged();
    }

    @Test
    void anUnknownWorkflowNameListsTheShippedOnes() throws Exception {
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", "no-such-flow");
        assertOneLine(result, "no-such-flow", "junit4-to-junit5");
        assertNothingChanged();
    }

    @Test
    void anUnknownGateIsRefused() throws Exception {
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--gates", "plan,merge");
        assertOneLine(result, "--gates", "merge");
        assertNothingChanged();
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefused() throws Exception {
        CliRunner.Result result = orchestra("run", "--repo", outside.toString(), "--workflow", workflow.toString());
        assertOneLine(result, "not the top folder of a git working tree");
    }

    @Test
    void anUnknownFlagIsAUsageError() throws Exception {
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(), "--colour");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--colour");
        assertNothingChanged();
    }

    @Test
    void resumeWithNoRunSaysSo() throws Exception {
        CliRunner.Result result = orchestra("resume", "--repo", repoDir.toString(), "--approve");
        assertOneLine(result, "no unfinished run");
    }

    @Test
    void aRunIdThatIsNotAFolderNameIsRefused() throws Exception {
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", workflow.toString(),
                "--run-id", "../escape");
        assertOneLine(result, "--run-id");
        assertThat(Files.exists(repoDir.resolve("escape"))).isFalse();
        assertNothingChanged();
    }

    @Test
    void aFailedStepNamesTheStepTheAgentAndItsLog() throws Exception {
        Path failing = repo.workflow(outside, """
                  - id: break
                    agent: command
                    with:
                      run: echo "compiler exploded" >&2; exit 7
                """);
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", failing.toString(),
                "--gates", "none", "--run-id", "f1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("break", "command", "logs/break.log");
        assertThat(repoDir.resolve(".orchestra/runs/f1/logs/break.log")).content().contains("compiler exploded");
    }

    @Test
    void aRegressionAgainstTheBaselineEscalatesWithTheFailingTest() throws Exception {
        repo.write("greeting.txt", "hi\n");
        try (var git = org.eclipse.jgit.api.Git.open(repoDir.toFile())) {
            git.add().addFilepattern("greeting.txt").call();
            git.commit().setMessage("greeting").setAuthor("T", "t@example.invalid").setCommitter("T", "t@example.invalid").call();
        }
        Path breaking = repo.workflow(outside, """
                  - id: tidy
                    agent: command
                    with:
                      run: rm greeting.txt
                """);
        CliRunner.Result result = orchestra("run", "--repo", repoDir.toString(), "--workflow", breaking.toString(),
                "--validate", TestRepo.VALIDATE, "--gates", "none", "--run-id", "e1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(12);
        assertThat(result.out()).contains("demo.GreetingTest#greetingExists");
        assertThat(repoDir.resolve(".orchestra/runs/e1/bundle/SUMMARY.md")).exists();
    }
}
