package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.EndMarkerEdit;
import dev.orchestra.testsupport.GitCli;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model steps in folder copies keep their commits in memory until the round that merges them is written
 * as one pack: a process killed right after that write (pack and candidate ref on disk, run state not yet
 * saved) is resumed with every step landed once and a repository that git itself finds sound.
 */
class ModelStepsKillTest {
    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    ScriptedModelServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = ScriptedModelServer.start().respondWith(request -> EndMarkerEdit.insert(request,
                "    int twice() {\n        return 2;\n    }\n"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aKillAfterTheRoundIsWrittenButBeforeTheStateIsSavedLosesAndDuplicatesNothing() throws Exception {
        TestRepo repo = TestRepo.create(repoDir);
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            repo.write("src/main/java/demo/Unit" + i + ".java", "package demo;\n\nclass Unit" + i + " {\n    // end of Unit" + i + "\n}\n");
            steps.append("  - id: s").append(i).append("\n    agent: code-writer\n    instructions: Add a method.\n")
                    .append("    scope: [\"src/main/java/demo/Unit").append(i).append(".java\"]\n    acceptance: It compiles.\n");
        }
        try (Git git = Git.open(repoDir.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test User", "test@example.invalid");
            git.commit().setMessage("units").setAuthor(me).setCommitter(me).call();
        }
        Path workflow = repo.workflow(outside, steps.toString());
        String[] model = {"--model", "openai-compatible:test", "--base-url", server.baseUrl() + "/v1"};

        Process killed = CliRunner.start(Map.of("ORCHESTRA_CRASH_AT", "delegate.after-bring-back"),
                Files.createTempFile(outside, "orchestra-model-kill", ".log"), concat(new String[] {"run", "--repo",
                        repoDir.toString(), "--workflow", workflow.toString(), "--gates", "none", "--jobs", "3", "--run-id", "mk"},
                        model));
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed after a round was written").isEqualTo(137);
        assertThat(GitCli.run(repoDir, "rev-parse", "--verify", "refs/orchestra/mk/candidate")).as("the round reached the repository")
                .isNotBlank();

        CliRunner.Result resumed = TestRepo.orchestra("resume", "--repo", repoDir.toString(), "--run-id", "mk", "--json");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Json.MAPPER.readTree(resumed.out()).get("status").asText()).isEqualTo("done");
        List<String> log = repo.log("orchestra/mk");
        for (int i = 1; i <= 3; i++) {
            String id = "s" + i + ":";
            assertThat(log.stream().filter(s -> s.startsWith(id))).as(id).hasSize(1);
            assertThat(repoDir.resolve("src/main/java/demo/Unit" + i + ".java")).content().contains("int twice()");
        }
        assertThat(log).hasSize(5); // three steps on "units" and "initial"
        assertThat(GitCli.run(repoDir, "fsck", "--strict", "--no-dangling")).isEmpty();
        assertThat(repo.clean()).isTrue();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
