package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.testsupport.ConnectionCounter;
import dev.orchestra.testsupport.GitCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Command steps that go after what lies around their copy: the copy's git folder (hooks, filter drivers, attributes
 * that Orchestra's own commit would run), the user's repository named by the copy, the shared temp folder, the rest of
 * the file system and the network. None gets through: nothing they plant runs, the user's repository and home stay as
 * they were, the copies are private and swept after a kill, submodules survive, and without a usable sandbox the
 * summary says so.
 */
class AgentCopiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        AttacksTest.SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n"));
    }

    @ParameterizedTest(name = "with --sandbox {0}")
    @ValueSource(strings = {"auto (the default)", "off"})
    void hooksFiltersAndAttributesAStepPlantsNeverRunAndTheUsersRepositoryIsNotNamed(String sandbox) throws Exception {
        Reliability.Tally tally = tried("command step plants a git hook, a filter driver and attributes; --sandbox " + sandbox);
        Path ran = temp.resolve("planted-code-ran");
        Path driver = executable(temp.resolve("driver.sh"), "#!/bin/sh\ntouch '" + ran + "'\ncat\n");
        String command = "mkdir -p .git/hooks .git/info"
                + " && printf '#!/bin/sh\\ntouch " + ran + "\\n' > .git/hooks/post-commit && chmod +x .git/hooks/post-commit"
                + " && printf '[filter \"x\"]\\n\\tclean = " + driver + "\\n' >> .git/config"
                + " && echo '* filter=x' > .git/info/attributes && echo '*.md filter=x' > .gitattributes"
                + "; alternates=$(cat .git/objects/info/alternates 2>/dev/null)"
                + "; if [ -n \"$alternates\" ]; then echo pwned >> \"$alternates/../../README.md\"; fi"
                + "; echo done >> README.md";

        List<String> args = new java.util.ArrayList<>(List.of("run", "--repo", repo.toString(), "--workflow",
                workflow(command, false).toString(), "--gates", "none", "--run-id", "plant"));
        if (sandbox.equals("off")) {
            args.addAll(List.of("--sandbox", "off"));
        }
        CliRunner.Result result = Cli.orchestra(Map.of(), args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(ran).as("code the step planted ran").doesNotExist();
        assertThat(GitCli.run(repo, "show", "orchestra/plant:README.md")).isEqualTo("A project.\ndone\n");
        assertThat(GitCli.run(repo, "diff", "--name-only", "main", "orchestra/plant").lines())
                .containsExactly(".gitattributes", "README.md");
        assertThat(repo.resolve(".git/hooks/post-commit")).doesNotExist();
        assertThat(GitCli.run(repo, "show", "main:README.md")).isEqualTo("A project.\n");
        assertThat(Cli.clean(repo)).isTrue();
        tally.held();
    }

    @Test
    void copiesLiveInAPrivateFolderThatIsGoneAfterTheRun() throws Exception {
        Reliability.Tally tally = tried("command step looks at where its copy lives");
        CliRunner.Result result = Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--workflow",
                workflow("pwd > where.txt && stat -c %a .. > mode.txt", false).toString(), "--gates", "none",
                "--run-id", "where");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path copy = Path.of(GitCli.run(repo, "show", "orchestra/where:where.txt").strip());
        assertThat(GitCli.run(repo, "show", "orchestra/where:mode.txt").strip()).isEqualTo("700");
        assertThat(copy.getParent().getFileName().toString()).startsWith("orchestra-copies-");
        assertThat(copy.getParent()).doesNotExist();
        tally.held();
    }

    @Test
    void theCopiesOfAKilledRunAreSweptByTheNextRun() throws Exception {
        Reliability.Tally tally = tried("copies of a run killed during a step");
        Path log = temp.resolve("killed.log");
        Process killed = Cli.start(Map.of(), log, "run", "--repo", repo.toString(), "--workflow",
                workflow("pwd; sleep 120", false).toString(), "--gates", "none", "--run-id", "killed");
        Path stepLog = repo.resolve(".orchestra/runs/killed/logs/step.log");
        Path copy = waitForCopy(stepLog);
        killed.descendants().forEach(ProcessHandle::destroyForcibly);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(copy).isDirectory();

        Path other = Cli.repository(temp.resolve("other"), Map.of("README.md", "Another project.\n"));
        CliRunner.Result next = Cli.orchestra(Map.of(), "run", "--repo", other.toString(), "--workflow",
                workflow("echo x >> README.md", false).toString(), "--gates", "none", "--run-id", "next");

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(copy.getParent()).doesNotExist();
        assertThat(next.err()).contains("folder(s) of step copies that killed runs left behind");
        tally.held();
    }

    @Test
    void aStepThatOnlyAppendsToAFileKeepsTheSubmodule() throws Exception {
        Reliability.Tally tally = tried("command step in a repository with a submodule");
        String linked = "0123456789abcdef0123456789abcdef01234567";
        Files.writeString(repo.resolve(".gitmodules"), "[submodule \"lib/sub\"]\n\tpath = lib/sub\n\turl = ../sub.git\n");
        GitCli.run(repo, "add", ".gitmodules");
        GitCli.run(repo, "update-index", "--add", "--cacheinfo", "160000," + linked + ",lib/sub");
        GitCli.run(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "submodule");

        CliRunner.Result result = Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--workflow",
                workflow("echo more >> README.md", false).toString(), "--gates", "none", "--run-id", "sub");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(GitCli.run(repo, "diff", "--name-status", "main", "orchestra/sub")).isEqualTo("M\tREADME.md\n");
        assertThat(GitCli.run(repo, "ls-tree", "orchestra/sub", "lib/sub")).isEqualTo("160000 commit " + linked + "\tlib/sub\n");
        tally.held();
    }

    @Test
    void aSandboxedStepCannotWriteOutsideItsCopyNorReachTheNetwork() throws Exception {
        Reliability.Tally tally = tried("sandboxed command step writes into the repository and $HOME, calls a server");
        assumeThat(Sandbox.choose(SandboxMode.AUTO, System.getenv()).inEffect()).as("bubblewrap works here").isTrue();
        Path home = Path.of(System.getProperty("user.home")).resolve(".orchestra-was-here-" + UUID.randomUUID());
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = ConnectionCounter.count(server);
            String command = "echo pwned >> '" + repo.resolve("README.md") + "'; echo x > '" + home + "'"
                    + "; echo hook > '" + repo.resolve(".git/hooks/post-checkout") + "'"
                    + "; bash -c 'echo hello > /dev/tcp/127.0.0.1/" + server.getLocalPort() + "'; echo done > notes.txt";

            CliRunner.Result result = Cli.orchestra(Map.of("PATH", System.getenv("PATH")), "run", "--repo", repo.toString(),
                    "--workflow", workflow(command, false).toString(), "--gates", "none", "--run-id", "box",
                    "--sandbox", "required");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(GitCli.run(repo, "diff", "--name-only", "main", "orchestra/box")).isEqualTo("notes.txt\n");
            assertThat(GitCli.run(repo, "show", "main:README.md")).isEqualTo("A project.\n");
            assertThat(Cli.clean(repo)).isTrue();
            assertThat(repo.resolve(".git/hooks/post-checkout")).doesNotExist();
            assertThat(home).doesNotExist();
            assertThat(connections.get()).isZero();
            JsonNode sandbox = bundle("box").get("sandbox");
            assertThat(sandbox.get("mode").asText()).isEqualTo("required");
            assertThat(sandbox.get("inEffect").asBoolean()).isTrue();
            assertThat(sandbox.get("tool").asText()).isEqualTo("bubblewrap");
        } finally {
            Files.deleteIfExists(home);
        }
        tally.held();
    }

    @Test
    void requiredWithoutAUsableSandboxRefusesBeforeAnythingChanges() throws Exception {
        Reliability.Tally tally = tried("--sandbox required on a machine whose bubblewrap is refused");
        List<String> refs = Cli.refs(repo);
        String head = Cli.head(repo);

        CliRunner.Result result = Cli.orchestra(Map.of("PATH", refusingBubblewrap().toString()), "run", "--repo",
                repo.toString(), "--workflow", workflow("echo x > notes.txt", false).toString(), "--gates", "none",
                "--run-id", "refused", "--sandbox", "required");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("orchestra: --sandbox required: " + temp.resolve("bin/bwrap")
                + " does not work here: bwrap: No permissions to creating new namespace");
        assertThat(Cli.refs(repo)).isEqualTo(refs);
        assertThat(Cli.head(repo)).isEqualTo(head);
        assertThat(repo.resolve(".orchestra")).doesNotExist();
        tally.held();
    }

    @Test
    void autoWithoutAUsableSandboxRunsAndSaysSoInTheSummary() throws Exception {
        Reliability.Tally tally = tried("--sandbox auto on a machine whose bubblewrap is refused");
        CliRunner.Result result = Cli.orchestra(Map.of("PATH", refusingBubblewrap().toString()), "run", "--repo",
                repo.toString(), "--workflow", workflow("echo x > notes.txt", false).toString(), "--gates", "none",
                "--run-id", "unboxed");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String summary = Files.readString(repo.resolve(".orchestra/runs/unboxed/bundle/SUMMARY.md"));
        assertThat(summary).contains("command steps ran without a sandbox (--sandbox auto found none usable: ")
                .contains("No permissions to creating new namespace");
        JsonNode sandbox = bundle("unboxed").get("sandbox");
        assertThat(sandbox.get("mode").asText()).isEqualTo("auto");
        assertThat(sandbox.get("inEffect").asBoolean()).isFalse();
        tally.held();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Path refusingBubblewrap() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        executable(bin.resolve("bwrap"), "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n");
        return bin;
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path workflow(String command, boolean network) throws IOException {
        return Files.writeString(temp.resolve("workflow-" + UUID.randomUUID() + ".yml"),
                "name: copies\ndescription: A step in its copy.\nsteps:\n  - id: step\n    agent: command\n    with:\n"
                        + "      run: '" + command.replace("'", "''") + "'\n" + (network ? "      network: true\n" : ""));
    }

    private JsonNode bundle(String runId) throws IOException {
        return JSON.readTree(repo.resolve(".orchestra/runs/" + runId + "/bundle/bundle.json").toFile());
    }

    private static Path waitForCopy(Path stepLog) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.isRegularFile(stepLog)) {
                for (String line : Files.readAllLines(stepLog)) {
                    if (line.startsWith("/")) {
                        return Path.of(line.strip());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the step never printed its folder in " + stepLog);
    }

    private static Reliability.Tally tried(String what) {
        Reliability.Tally tally = AttacksTest.SECTION.tally(what);
        tally.tried();
        return tally;
    }
}
