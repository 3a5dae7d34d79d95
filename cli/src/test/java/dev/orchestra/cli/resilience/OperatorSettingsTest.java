package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A committed {@code .orchestra/config.yml} that tries to send the operator's key elsewhere, read another
 * variable as the key, or make calls free. The repository is data, not the operator: the run is refused before
 * anything changes, and the model server on loopback never hears from it.
 */
class OperatorSettingsTest {
    static final String KEY = "fake-openai-key-for-tests-0123456789";
    static final String DB_PASSWORD = "fake-db-password-for-tests-0123";

    /** The cases of this class and of the other classes about secrets and untrusted text. */
    static final Reliability.Section SECTION = new Reliability.Section("secrets", "Secrets and untrusted text",
            "held", "The repository, the ticket and the model are data: a committed configuration may not send the "
                    + "key elsewhere, secrets under any variable name stay out of agents and out of every file and "
                    + "line Orchestra writes, and ticket or model text cannot rewrite `SUMMARY.md`, `plan.md` or the "
                    + "terminal. A case holds when the run is refused before anything changes (exit 2) or the secret, "
                    + "control character or forged section is in no output a user reads.");

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n"));
    }

    @ParameterizedTest(name = "repository config sets {0}")
    @CsvSource(delimiter = '|', value = {
        "base-url | base-url: SERVER/v1",
        "api-key-env | api-key-env: MY_DB_PASSWORD",
        "prices | 'prices:\n  gpt-4o-mini: {input: 0, output: 0}'"})
    void aRepositoryConfigThatSetsAnOperatorSettingIsRefusedAndNoRequestIsSent(String key, String yaml) throws Exception {
        Reliability.Tally tally = SECTION.tally("repository `.orchestra/config.yml` sets `" + key + ":`");
        tally.tried();
        CliRunner.Result result;
        List<String> before;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(r -> ScriptedAnswer.status(500))) {
            Path config = Cli.write(repo, ".orchestra/config.yml", "model: openai:gpt-4o-mini\ntemperature: 0\n"
                    + yaml.replace("SERVER", server.baseUrl()) + "\n");
            Cli.commitAll(repo, "config");
            before = Cli.refs(repo);
            // The operator's flags point at the loopback server too, unless the repository is the one who does.
            String baseUrl = key.equals("base-url") ? "https://api.openai.invalid/v1" : server.baseUrl() + "/v1";
            result = Cli.orchestra(Map.of("OPENAI_API_KEY", KEY, "MY_DB_PASSWORD", DB_PASSWORD), "run", "--repo",
                    repo.toString(), "--task", "Improve the README.", "--base-url", baseUrl, "--gates", "none",
                    "--run-id", "k1");

            assertThat(server.requests()).as("no request reached the model server").isEmpty();
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err().lines().filter(l -> l.startsWith("orchestra: ")).toList()).as(result.toString())
                    .containsExactly("orchestra: " + config + ":3: " + key + " may not be set in the repository's "
                            + ".orchestra/config.yml (it decides " + why(key) + "); set it with "
                            + (key.equals("prices") ? "--prices FILE" : "--" + key) + " or in ~/.orchestra/config.yml");
        }
        assertThat(result.out() + result.err()).doesNotContain(KEY, DB_PASSWORD);
        assertThat(Cli.refs(repo)).as("no branch, no ref").isEqualTo(before);
        assertThat(repo.resolve(".orchestra/runs/k1")).doesNotExist();
        assertThat(Cli.clean(repo)).isTrue();
        tally.held();
    }

    private static String why(String key) {
        return switch (key) {
            case "base-url" -> "where the key is sent";
            case "api-key-env" -> "which variable's value is sent as the key";
            default -> "what --max-cost counts";
        };
    }

    static void assertNoFileHolds(Path folder, String... secrets) throws Exception {
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secrets);
            }
        }
    }
}
