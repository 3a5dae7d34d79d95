package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.testsupport.ConnectionCounter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command agent inside bubblewrap can write its copy and nothing else, and reaches no network unless asked. */
class SandboxedCommandTest {
    @TempDir Path temp;
    Path copy;
    Path repo;
    Path log;
    Sandbox sandbox;

    @BeforeEach
    void folders() throws Exception {
        sandbox = Sandbox.choose(SandboxMode.AUTO, System.getenv());
        assumeThat(sandbox.inEffect()).as("bubblewrap works on this machine: " + sandbox.unavailable()).isTrue();
        copy = Files.createDirectories(temp.resolve("copies/step"));
        repo = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repo.resolve("README.md"), "mine\n");
        log = temp.resolve("step.log");
    }

    @Test
    void writesInsideTheCopyLandButWritesAnywhereElseAreStopped() throws Exception {
        Path home = Path.of(System.getProperty("user.home")).resolve(".orchestra-sandbox-" + UUID.randomUUID());
        Path hostTmp = Path.of("/tmp/orchestra-sandbox-" + UUID.randomUUID());
        String command = "echo owned > '" + repo.resolve("README.md") + "'; echo x > '" + home + "'; echo y > '"
                + hostTmp + "'; echo z > '" + temp.resolve("beside.txt") + "'; echo ok > notes.txt";
        try {
            AgentResult result = run(command, false);

            assertThat(result.status()).as(result.summary()).isEqualTo(AgentResult.Status.SUCCEEDED);
            assertThat(copy.resolve("notes.txt")).hasContent("ok");
            assertThat(repo.resolve("README.md")).hasContent("mine");
            assertThat(home).doesNotExist();
            assertThat(hostTmp).doesNotExist();
            assertThat(temp.resolve("beside.txt")).doesNotExist();
            assertThat(log).content().contains("Read-only file system");
        } finally {
            Files.deleteIfExists(home);
            Files.deleteIfExists(hostTmp);
        }
    }

    @Test
    void theNetworkIsClosedUnlessTheStepAsksForIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = ConnectionCounter.count(server);
            String command = "bash -c 'echo hello > /dev/tcp/127.0.0.1/" + server.getLocalPort() + "' && echo reached > net.txt";

            run(command, false);
            assertThat(copy.resolve("net.txt")).doesNotExist();
            assertThat(connections.get()).isZero();

            run(command, true);
            assertThat(copy.resolve("net.txt")).hasContent("reached");
            for (int i = 0; i < 50 && connections.get() == 0; i++) {
                Thread.sleep(100); // the server thread counts the connection once it has accepted it
            }
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    @Test
    void theOperatorsOrchestraFolderIsEmptyInsideTheSandbox() throws Exception {
        // Outside /tmp, which the sandbox replaces as a whole (a checkout, and so target/, may be under /tmp).
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.home")), ".orchestra-sandbox-home-");
        Path operator = Files.createDirectories(home.resolve(".orchestra"));
        Files.writeString(operator.resolve("run-key"), "the operator's run key\n");
        try {
            run("cat '" + operator.resolve("run-key") + "' > stolen.txt; ls -A '" + operator + "' > listed.txt", false);
            assertThat(copy.resolve("stolen.txt")).hasContent("the operator's run key");

            sandbox = sandbox.hiding(List.of(operator));
            run("cat '" + operator.resolve("run-key") + "' > stolen.txt; ls -A '" + operator + "' > listed.txt", false);
            assertThat(copy.resolve("stolen.txt")).isEmptyFile();
            assertThat(copy.resolve("listed.txt")).isEmptyFile();
            assertThat(operator.resolve("run-key")).hasContent("the operator's run key");
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theCommandGetsTheEnvironmentItWasGivenAndNothingMore() throws Exception {
        run("env > sandboxed.txt", false);
        new CommandAgent("env > plain.txt", Optional.empty(), false, Sandbox.off()).run(task());

        assertThat(variables("sandboxed.txt")).isEqualTo(variables("plain.txt"));
    }

    @Test
    void aTimeoutStopsTheSandboxAndEverythingInIt() throws Exception {
        AgentResult result = new CommandAgent("sleep 120 & sleep 120; echo late > late.txt", Optional.of(Duration.ofSeconds(2)),
                false, sandbox).run(task());

        assertThat(result.summary()).endsWith("timed out after 2.0s");
        Thread.sleep(300);
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    private AgentResult run(String command, boolean network) throws InterruptedException {
        return new CommandAgent(command, Optional.empty(), network, sandbox).run(task());
    }

    private AgentTask task() {
        return new AgentTask("step", "", Map.of(), List.of(), copy, log, Duration.ofSeconds(60));
    }

    /** The variables a command saw, but PWD (each process's own working folder). */
    private Map<String, String> variables(String file) throws IOException {
        Map<String, String> variables = new TreeMap<>();
        Files.readAllLines(copy.resolve(file)).stream().filter(l -> l.contains("=") && !l.startsWith("PWD="))
                .forEach(l -> variables.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return variables;
    }
}
