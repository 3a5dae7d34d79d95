package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandAgentTest extends AgentContractTest {
    @Override
    Step succeedingStep() {
        return step("command", Map.of("run", "printf 'generated\\n' > NOTES.md && echo done"));
    }

    @Override
    Step failingStep(Path workdir) {
        return step("command", Map.of("run", "echo 'compilation broke' >&2; exit 3"));
    }

    @Override
    void checkSucceeded(AgentResult result) throws Exception {
        assertThat(copy.dir().resolve("NOTES.md")).hasContent("generated");
        assertThat(temp.resolve("repo/NOTES.md")).doesNotExist();
        assertThat(result.summary()).startsWith("`printf 'generated\\n' > NOTES.md && echo done` succeeded in ");
        assertThat(log).content().contains("done");
    }

    @Override
    void checkFailed(AgentResult result) {
        assertThat(result.summary()).contains("exit code 3").contains("compilation broke");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Step step = step("command", Map.of("run", "sleep 120 & echo $! > child.pid; wait", "timeout", "2s"));

        AgentResult result = runWithinContract(step);

        assertThat(result.status()).isEqualTo(AgentResult.Status.FAILED);
        assertThat(result.summary()).endsWith("timed out after 2.0s");
        long child = Long.parseLong(Files.readString(copy.dir().resolve("child.pid")).trim());
        assertThat(isRunning(child)).as("background child %s still running", child).isFalse();
    }

    @Test
    void theStepsTimeLimitCapsALongerTimeout() throws Exception {
        AgentTask task = new AgentTask("step", "", Map.of(), java.util.List.of(), copy.dir(), log,
                java.time.Duration.ofSeconds(1));

        AgentResult result = new CommandAgent("sleep 30", Optional.of(java.time.Duration.ofHours(1))).run(task);

        assertThat(result.summary()).isEqualTo("`sleep 30` timed out after 1.0s");
    }

    @Test
    void aCommandNeverSeesACredentialFromTheEnvironment() throws Exception {
        assertThat(System.getenv("ORCHESTRA_TEST_API_TOKEN")).as("set by the build for this test").isNotBlank();
        AgentResult result = runWithinContract(step("command", Map.of("run",
                "echo \"token=[$ORCHESTRA_TEST_API_TOKEN] path=[${PATH:+set}]\" > env.txt")));

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(copy.dir().resolve("env.txt")).hasContent("token=[] path=[set]");
    }

    @Test
    void aCommandSeesOnlyHarmlessVariablesWhateverTheSecretsAreCalled() throws Exception {
        assertThat(System.getenv("MYSQL_PWD")).as("set by the build for this test").isNotBlank();
        AgentResult result = runWithinContract(step("command", Map.of("run", "env > env.txt")));

        assertThat(result.status()).isEqualTo(AgentResult.Status.SUCCEEDED);
        String env = Files.readString(copy.dir().resolve("env.txt"));
        assertThat(env).contains("PATH=").doesNotContain(System.getenv("MYSQL_PWD"), "not-a-real-db-pass",
                System.getenv("ORCHESTRA_TEST_API_TOKEN"));
    }

    @Test
    void aCommandGetsTheVariablesItsStepWasPassedAndNoOther() throws Exception {
        AgentTask task = new AgentTask("step", "", Map.of(), java.util.List.of(), copy.dir(), log,
                java.time.Duration.ofMinutes(1))
                .about(new AgentTask.RunFacts(null, null, java.util.List.of("ORCHESTRA_TEST_API_TOKEN")));

        new CommandAgent("echo \"token=[$ORCHESTRA_TEST_API_TOKEN] pwd=[$MYSQL_PWD]\" > env.txt", Optional.empty())
                .run(task);

        assertThat(copy.dir().resolve("env.txt"))
                .hasContent("token=[" + System.getenv("ORCHESTRA_TEST_API_TOKEN") + "] pwd=[]");
    }

    private static boolean isRunning(long pid) throws Exception {
        for (int i = 0; i < 50; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat) || Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z")) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
