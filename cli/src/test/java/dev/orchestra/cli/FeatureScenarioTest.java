package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.FeatureScenario;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature task Jenkinsfile.example's JenkinsRule test runs, here through the command line alone with the same
 * calls the Jenkins steps make: planned by the model, tests run outside (exit 11), three gates, a finished bundle.
 */
class FeatureScenarioTest {
    @TempDir
    Path repoDir;

    @Test
    void theModelPlansTheTicketAndTheChangeLandsWithTheTestsPassing() throws Exception {
        TestRepo repo = new TestRepo(repoDir);
        for (Map.Entry<String, String> file : FeatureScenario.files().entrySet()) {
            repo.write(file.getKey(), file.getValue());
        }
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("greeting").setAuthor("T", "t@example.invalid").setCommitter("T", "t@example.invalid").call();
        }
        try (ScriptedModelServer model = ScriptedModelServer.start().respondWith(FeatureScenario::answer)) {
            JsonNode at = call(10, "run", "--task", "@" + repoDir.resolve(FeatureScenario.TICKET), "--model", "openai:gpt-4o-mini",
                    "--base-url", model.baseUrl() + "/v1", "--api-key-env", "MODEL_KEY", "--gates", "plan,patch,pr",
                    "--validate-external", "--run-id", "f1");
            assertThat(at.get("plan").asText()).contains("farewell");
            at = call(11, "resume", "--approve", "--by", "alice");
            at = tested(at, 10);
            assertThat(at.get("waitingFor").asText()).isEqualTo("patch");
            at = tested(call(11, "resume", "--approve", "--by", "bob"), 10);
            assertThat(at.get("waitingFor").asText()).isEqualTo("pr");
            JsonNode done = call(0, "resume", "--approve", "--by", "carol");
            assertThat(done.get("status").asText()).isEqualTo("done");
            assertThat(repoDir.resolve("greeting.txt")).hasContent("hello world\n" + FeatureScenario.FAREWELL);
            assertThat(done.get("metrics").get("testsAfter").get("passed").asInt()).isEqualTo(1);
        }
    }

    private JsonNode tested(JsonNode waiting, int expectedExit) throws Exception {
        assertThat(waiting.get("status").asText()).isEqualTo("waiting_validation");
        int exit = new ProcessBuilder("sh", "test.sh").directory(repoDir.toFile()).start().waitFor();
        return call(expectedExit, "resume", "--validation-exit", Integer.toString(exit));
    }

    private JsonNode call(int expectedExit, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--repo";
        all[args.length + 1] = repoDir.toString();
        all[args.length + 2] = "--json";
        CliRunner.Result result = CliRunner.run(Map.of("MODEL_KEY", "fake-key-for-tests"), all);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(expectedExit);
        return Json.MAPPER.readTree(result.out());
    }
}
