package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.run.Json;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern FILE = Pattern.compile("You may change: (\\S+)");

    @TempDir
    Path repoDir;

    @TempDir
    Path outside;

    ScriptedModelServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = ScriptedModelServer.start().respondWith(ModelStepsKillTest::edit);
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
                File.createTempFile("orchestra-model-kill", ".log").toPath(), concat(new String[] {"run", "--repo",
                        repoDir.toString(), "--workflow", workflow.toString(), "--gates", "none", "--jobs", "3", "--run-id", "mk"},
                        model));
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed after a round was written").isEqualTo(137);
        assertThat(git("rev-parse", "--verify", "refs/orchestra/mk/candidate")).as("the round reached the repository")
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
        assertThat(git("fsck", "--strict", "--no-dangling")).isEmpty();
        assertThat(repo.clean()).isTrue();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repoDir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    /** Adds a method to the one file the step may change, before its end marker. */
    private static ScriptedAnswer edit(RecordedRequest request) {
        StringBuilder text = new StringBuilder();
        request.body().path("messages").forEach(m -> text.append(m.path("content").asText()).append('\n'));
        Matcher file = FILE.matcher(text);
        if (!file.find()) {
            return ScriptedAnswer.status(400);
        }
        String path = file.group(1);
        String unit = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
        try {
            return ScriptedAnswer.text(Json.MAPPER.writeValueAsString(Map.of("rationale", "Adds twice().", "edits", List.of(
                    Map.of("path", path, "search", "    // end of " + unit,
                            "replace", "    int twice() {\n        return 2;\n    }\n    // end of " + unit)))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
