package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.FixLoopScenario;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls the Jenkins step makes for a feature with three gates, when its body's tests fail after the change:
 * the validation runs outside Orchestra (exit 11, then {@code resume --validation-exit}), the failure goes to a
 * scripted model over the OpenAI wire format, and the fix waits at the patch gate again before it lands. The
 * scenario is the one of the plugin's JenkinsRule fix-loop test.
 */
class ExternalFixLoopTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";

    @TempDir
    Path repoDir;

    TestRepo repo;
    ScriptedModelServer server;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(repoDir);
        for (Map.Entry<String, String> file : FixLoopScenario.files().entrySet()) {
            repo.write(file.getKey(), file.getValue());
        }
        try (Git git = Git.open(repoDir.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test User", "test@example.invalid");
            git.commit().setMessage("greeting and its test").setAuthor(me).setCommitter(me).call();
        }
        server = ScriptedModelServer.start().respondWith(FixLoopScenario::answer);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void failingTestsGoBackToTheModelAndItsFixWaitsAtThePatchGateBeforeTheTestsPass() throws Exception {
        JsonNode at = call(10, "run", "--workflow", FixLoopScenario.WORKFLOW, "--gates", "plan,patch,pr", "--validate-external",
                "--model", "openai:gpt-4o-mini", "--base-url", server.baseUrl() + "/v1", "--api-key-env", "MODEL_KEY",
                "--run-id", "j1");
        assertThat(at.get("waitingFor").asText()).isEqualTo("plan");
        at = call(11, "resume", "--approve", "--by", "alice");
        assertThat(at.get("waitingFor").asText()).isEqualTo("baseline");
        at = validated();
        assertThat(at.get("waitingFor").asText()).isEqualTo("patch");
        assertThat(at.get("gateDetails").asText()).contains("shout (command): 1 files");

        at = call(11, "resume", "--approve", "--by", "bob");
        assertThat(at.get("waitingFor").asText()).isEqualTo("final");
        at = validated();
        assertThat(at.get("waitingFor").asText()).as("the fix waits at the patch gate again").isEqualTo("patch");
        assertThat(at.get("metrics").get("fixIterations").asInt()).isEqualTo(1);
        assertThat(at.get("gateDetails").asText()).contains(FixLoopScenario.FIX_STEP + " (code-writer): 1 files", "greeting.txt");
        assertThat(repoDir.resolve("greeting.txt")).as("the fix has not landed").hasContent("HELLO WORLD");

        at = call(11, "resume", "--approve", "--by", "bob");
        assertThat(at.get("waitingFor").asText()).isEqualTo("final");
        at = validated();
        assertThat(at.get("waitingFor").asText()).isEqualTo("pr");
        assertThat(at.get("gateDetails").asText()).contains("Tests after: 1 passed");

        JsonNode done = call(0, "resume", "--approve", "--by", "carol");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("metrics").get("testsBefore").get("passed").asInt()).isEqualTo(1);
        assertThat(done.get("metrics").get("testsAfter").get("passed").asInt()).isEqualTo(1);
        assertThat(done.get("metrics").get("testsAfter").get("failed").asInt()).isZero();
        assertThat(repoDir.resolve("greeting.txt")).hasContent("hello world");
        assertThat(repo.log("orchestra/j1")).first().asString().startsWith(FixLoopScenario.FIX_STEP + ":");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    }

    /** Runs the project's tests as the Jenkins step's body would, hands the outcome back: the run goes on to a gate. */
    private JsonNode validated() throws Exception {
        int exit = new ProcessBuilder("sh", "-c", FixLoopScenario.TEST_COMMAND).directory(repoDir.toFile()).start().waitFor();
        return call(10, "resume", "--validation-exit", Integer.toString(exit));
    }

    private JsonNode call(int expectedExit, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--repo";
        all[args.length + 1] = repoDir.toString();
        all[args.length + 2] = "--json";
        CliRunner.Result result = orchestra(Map.of("MODEL_KEY", KEY), all);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(expectedExit);
        return Json.MAPPER.readTree(result.out());
    }
}
