package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets under names that do not say so ({@code MYSQL_PWD}, {@code NPM_AUTH}, {@code *_PASS}, a password in
 * {@code DATABASE_URL}), in the environment of a real {@code orchestra} process as CI would set them: agents start
 * without them, the validation hook keeps them but its log and its test failure messages are redacted, and no file
 * of the run, no line of output and nothing on the branch holds one.
 */
class SecretEnvironmentTest {
    static final String MYSQL_PWD = "fake-mysql-pwd-0123";
    static final String NPM_AUTH = "fake-npm-auth-0123";
    static final String DEPLOY_PASS = "fake-deploy-pass-0123";
    static final String DB_PASSWORD = "fake-db-password-0123";
    static final Map<String, String> ENV = Map.of("MYSQL_PWD", MYSQL_PWD, "NPM_AUTH", NPM_AUTH,
            "DEPLOY_PASS", DEPLOY_PASS, "DATABASE_URL", "postgres://app:" + DB_PASSWORD + "@db.invalid/app");
    static final String[] SECRETS = {MYSQL_PWD, NPM_AUTH, DEPLOY_PASS, DB_PASSWORD};

    /** The project's tests: they use the secrets, print them, and fail with one in the message. */
    static final String VALIDATE = """
            echo "connecting as $MYSQL_PWD to $DATABASE_URL with $NPM_AUTH and $DEPLOY_PASS"
            mkdir -p target/surefire-reports
            cat > target/surefire-reports/TEST-demo.DbTest.xml <<EOF
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="demo.DbTest" tests="1">
            <testcase classname="demo.DbTest" name="connects" time="0.01"><failure message="login failed for $MYSQL_PWD">\
            at $DATABASE_URL</failure></testcase>
            </testsuite>
            EOF
            """;

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        OperatorSettingsTest.SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "validate.sh", VALIDATE));
    }

    @Test
    void aCommandStepSeesNoSecretAndTheHookLogsAndStateHoldNone() throws Exception {
        Reliability.Tally tally = tally("command step writes its environment (`env > env.txt`); tests print secrets");
        String output = run("e1", workflow("env > env.txt", ""));

        assertThat(output).as(output).contains("run e1: done");
        String envFile = show("orchestra/e1:env.txt");
        assertThat(envFile).contains("PATH=").doesNotContain(SECRETS).doesNotContain("DATABASE_URL", "MYSQL_PWD");
        Path runDir = repo.resolve(".orchestra/runs/e1");
        assertThat(Files.readString(runDir.resolve("logs/final-validation.log"))).contains("connecting as [REDACTED]");
        assertThat(Files.readString(runDir.resolve("state.json"))).contains("login failed for [REDACTED]");
        OperatorSettingsTest.assertNoFileHolds(runDir, SECRETS);
        assertThat(output).doesNotContain(SECRETS);
        tally.held();
    }

    @Test
    void aStepGetsAVariableItNamesOnlyWhenTheOperatorPassesIt() throws Exception {
        Reliability.Tally tally = tally("step names `env: [NPM_AUTH]`: given only with `--pass-env NPM_AUTH`");
        Path workflow = workflow("echo ${#NPM_AUTH} ${#MYSQL_PWD} > lengths.txt", "    env: [NPM_AUTH]\n");
        String before = Cli.refs(repo).toString();

        CliRunner.Result refused = Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--workflow",
                workflow.toString(), "--gates", "none", "--run-id", "p0");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("orchestra: step 'agent' asks for NPM_AUTH (env:), which the run does not "
                + "pass; add --pass-env NPM_AUTH");
        assertThat(Cli.refs(repo).toString()).isEqualTo(before);
        assertThat(repo.resolve(".orchestra/runs/p0")).doesNotExist();

        String output = run("p1", workflow, "--pass-env", "NPM_AUTH");
        assertThat(output).as(output).contains("run p1: done");
        assertThat(show("orchestra/p1:lengths.txt")).isEqualTo(NPM_AUTH.length() + " 0\n");
        OperatorSettingsTest.assertNoFileHolds(repo.resolve(".orchestra/runs/p1"), SECRETS);
        tally.held();
    }

    /** Runs the command line as its own process with the secrets in its environment, as CI would. */
    private String run(String runId, Path workflow, String... extra) throws Exception {
        Path log = temp.resolve(runId + ".log");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("run", "--repo", repo.toString(),
                "--workflow", workflow.toString(), "--validate", "sh validate.sh", "--gates", "none", "--run-id", runId),
                java.util.stream.Stream.of(extra)).toArray(String[]::new);
        Process process = Cli.start(ENV, log, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readString(log);
    }

    private Path workflow(String command, String extraKeys) throws Exception {
        return Files.writeString(temp.resolve("workflow-" + Math.abs(command.hashCode()) + ".yml"),
                "name: env\ndescription: Environment.\nsteps:\n  - id: agent\n    agent: command\n" + extraKeys
                        + "    with:\n      run: '" + command.replace("'", "''") + "'\n");
    }

    private String show(String revisionAndPath) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            var repository = git.getRepository();
            return new String(repository.open(repository.resolve(revisionAndPath)).getBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Reliability.Tally tally(String what) {
        Reliability.Tally tally = OperatorSettingsTest.SECTION.tally(what);
        tally.tried();
        return tally;
    }
}
