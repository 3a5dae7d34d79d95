package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run carried between clones, as a Jenkins Pipeline carries it between two {@code node} blocks: exported in one
 * clone while it waits at a gate, imported in a fresh clone of the same base, resumed there to the end.
 */
class RunTransferTest {
    private static final Map<String, String> KEY = Map.of("ORCHESTRA_RUN_KEY", "a-run-key-shared-by-both-agents-0123456789");

    @TempDir
    Path first;

    @TempDir
    Path second;

    @TempDir
    Path outside;

    Path workflow;

    @BeforeEach
    void setUp() throws Exception {
        TestRepo repo = TestRepo.create(first);
        workflow = repo.workflow(outside, """
                  - id: greet
                    agent: command
                    instructions: Add a greeting file.
                    with:
                      run: echo hello > greeting.txt
                """);
        Git.cloneRepository().setURI(first.toUri().toString()).setDirectory(second.toFile()).call().close();
    }

    private static CliRunner.Result orchestra(String... args) {
        return CliRunner.run(KEY, args);
    }

    private static JsonNode json(CliRunner.Result result) throws IOException {
        return Json.MAPPER.readTree(result.out());
    }

    private CliRunner.Result startAndApprovePlan(Path repo) {
        CliRunner.Result atPlan = orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(),
                "--validate", TestRepo.VALIDATE, "--run-id", "r1", "--json");
        assertThat(atPlan.exitCode()).as(atPlan.toString()).isEqualTo(10);
        return orchestra("resume", "--repo", repo.toString(), "--run-id", "r1", "--approve", "--by", "alice", "--json");
    }

    private CliRunner.Result finish(Path repo) throws IOException {
        CliRunner.Result atPr = orchestra("resume", "--repo", repo.toString(), "--run-id", "r1", "--approve", "--by", "bob", "--json");
        assertThat(json(atPr).get("waitingFor").asText()).as(atPr.toString()).isEqualTo("pr");
        CliRunner.Result done = orchestra("resume", "--repo", repo.toString(), "--run-id", "r1", "--approve", "--by", "carol", "--json");
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(0);
        return done;
    }

    @Test
    void aRunExportedAtThePatchGateFinishesInAFreshCloneWithTheSameBundle() throws Exception {
        assertThat(json(startAndApprovePlan(first)).get("waitingFor").asText()).isEqualTo("patch");
        Path archive = outside.resolve("r1.orchestra");
        CliRunner.Result exported = orchestra("export", "--repo", first.toString(), "--run-id", "r1", "--to",
                archive.toString(), "--json");
        assertThat(exported.exitCode()).as(exported.toString()).isEqualTo(0);
        assertThat(json(exported).get("exportPath").asText()).isEqualTo(archive.toString());

        CliRunner.Result imported = orchestra("import", "--repo", second.toString(), "--from", archive.toString(), "--json");
        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(0);
        assertThat(json(imported).get("status").asText()).isEqualTo("waiting_gate");
        assertThat(json(imported).get("waitingFor").asText()).isEqualTo("patch");
        assertThat(json(imported).get("imported").asBoolean()).isTrue();

        JsonNode there = json(finish(second));
        JsonNode here = json(finish(first));
        assertThat(second.resolve("greeting.txt")).hasContent("hello");
        assertThat(diffs(Path.of(there.get("bundlePath").asText())))
                .isNotEmpty().isEqualTo(diffs(Path.of(here.get("bundlePath").asText())));
        String bundle = Files.readString(Path.of(there.get("bundlePath").asText()).resolve("bundle.json"));
        assertThat(bundle).as("every gate decision travelled with the run").contains("alice", "bob", "carol");
        assertThat(there.get("metrics").get("testsAfter").get("failed").asInt()).isZero();
    }

    @Test
    void importingTheSameArchiveAgainChangesNothing() throws Exception {
        startAndApprovePlan(first);
        Path archive = outside.resolve("r1.orchestra");
        orchestra("export", "--repo", first.toString(), "--run-id", "r1", "--to", archive.toString());
        assertThat(orchestra("import", "--repo", second.toString(), "--from", archive.toString()).exitCode()).isZero();
        CliRunner.Result again = orchestra("import", "--repo", second.toString(), "--from", archive.toString(), "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(json(again).get("imported").asBoolean()).isFalse();
        assertThat(again.err()).contains("already here as exported");
    }

    @Test
    void aWorkspaceThatWentFurtherTakesTheExportedStateBackAndGoesOnFromThere() throws Exception {
        startAndApprovePlan(first);
        Path archive = outside.resolve("r1.orchestra");
        orchestra("export", "--repo", first.toString(), "--run-id", "r1", "--to", archive.toString());
        orchestra("import", "--repo", second.toString(), "--from", archive.toString());
        CliRunner.Result further = orchestra("resume", "--repo", second.toString(), "--run-id", "r1", "--approve", "--json");
        assertThat(json(further).get("waitingFor").asText()).as(further.toString()).isEqualTo("pr");
        assertThat(new TestRepo(second).branch()).isEqualTo("orchestra/r1");

        CliRunner.Result back = orchestra("import", "--repo", second.toString(), "--from", archive.toString(), "--json");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(json(back).get("waitingFor").asText()).isEqualTo("patch");
        JsonNode done = json(finish(second));
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(new TestRepo(second).log("orchestra/r1")).hasSize(2);
    }

    @Test
    void aCloneWithoutTheBaseCommitRefusesTheRunAndChangesNothing(@TempDir Path other) throws Exception {
        startAndApprovePlan(first);
        Path archive = outside.resolve("r1.orchestra");
        orchestra("export", "--repo", first.toString(), "--run-id", "r1", "--to", archive.toString());
        Files.writeString(other.resolve("README.md"), "Another project.\n");
        try (Git git = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("another").setAuthor("T", "t@example.invalid").setCommitter("T", "t@example.invalid").call();
        }
        CliRunner.Result refused = orchestra("import", "--repo", other.toString(), "--from", archive.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("orchestra: --from").contains("lacks the run's base commit");
        assertThat(other.resolve(".orchestra")).doesNotExist();
        assertThat(new TestRepo(other).log("main")).containsExactly("another");
        try (Git git = Git.open(other.toFile())) {
            assertThat(git.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/orchestra/")).isEmpty();
        }
    }

    @Test
    void aRunSignedWithAnotherRunKeyIsRefused() throws Exception {
        startAndApprovePlan(first);
        Path archive = outside.resolve("r1.orchestra");
        orchestra("export", "--repo", first.toString(), "--run-id", "r1", "--to", archive.toString());
        CliRunner.Result refused = CliRunner.run(Map.of("ORCHESTRA_RUN_KEY", "another-agent-with-another-key-9876543210"),
                "import", "--repo", second.toString(), "--from", archive.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("not written with this operator's run key");
        assertThat(second.resolve(".orchestra")).doesNotExist();
    }

    @Test
    void aFileThatIsNoArchiveIsBadInput() throws Exception {
        Path notArchive = Files.writeString(outside.resolve("notes.txt"), "not a run\n");
        CliRunner.Result refused = orchestra("import", "--repo", second.toString(), "--from", notArchive.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(json(refused).get("error").asText()).contains("not a run archive written by 'orchestra export'");
        CliRunner.Result missing = orchestra("export", "--repo", second.toString(), "--run-id", "nope", "--to",
                outside.resolve("x").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(outside.resolve("x")).doesNotExist();
    }

    /** The patches' diffs (commit ids and dates differ between two runs of the same steps). */
    private static List<String> diffs(Path bundle) throws IOException {
        try (Stream<Path> patches = Files.list(bundle.resolve("patches"))) {
            return patches.sorted().map(RunTransferTest::diffOf).toList();
        }
    }

    private static String diffOf(Path patch) {
        try {
            String text = Files.readString(patch);
            return patch.getFileName() + "\n" + text.substring(text.indexOf("diff --git"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
