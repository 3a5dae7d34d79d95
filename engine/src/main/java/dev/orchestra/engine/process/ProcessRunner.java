package dev.orchestra.engine.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external process in a directory, with a time limit, its stdout and stderr appended to a
 * log file. On timeout the whole process tree is killed. Single use: configure, then {@link #run()}.
 */
public final class ProcessRunner {
    private final List<String> command;
    private Path directory = Path.of(".");
    private Path logFile;
    private Duration timeout = Duration.ofHours(1);
    private final Map<String, String> environment = new HashMap<>();
    private final java.util.Set<String> unset = new java.util.HashSet<>();
    private List<String> wrapper = List.of();
    private Collection<String> agentVariables;

    private ProcessRunner(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** A process from an argument list. */
    public static ProcessRunner of(List<String> command) {
        return new ProcessRunner(command);
    }

    /** A shell command line ({@code sh -c}, or {@code cmd /c} on Windows). */
    public static ProcessRunner shell(String commandLine) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return new ProcessRunner(windows ? List.of("cmd", "/c", commandLine) : List.of("sh", "-c", commandLine));
    }

    public ProcessRunner directory(Path directory) {
        this.directory = directory;
        return this;
    }

    public ProcessRunner logTo(Path logFile) {
        this.logFile = logFile;
        return this;
    }

    public ProcessRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public ProcessRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Leaves {@code name} out of the child's environment. */
    public ProcessRunner unset(String name) {
        unset.add(name);
        return this;
    }

    /**
     * Starts the child with the minimal environment of an agent ({@link EnvironmentPolicy#restrictForAgent}): the
     * harmless variables and {@code passed}, the ones its step asked for and the operator passed. Agents get no
     * secret they were not given.
     */
    public ProcessRunner agentEnvironment(Collection<String> passed) {
        this.agentVariables = List.copyOf(passed);
        return this;
    }

    /**
     * Runs the command inside {@code prefix}, a command line that ends where the command begins (a sandbox's); the
     * log still shows the command itself.
     */
    public ProcessRunner inside(List<String> prefix) {
        this.wrapper = List.copyOf(prefix);
        return this;
    }

    public List<String> command() {
        return command;
    }

    /** Starts the process and waits for it; a command that cannot start is an IOException. */
    public ProcessResult run() throws IOException, InterruptedException {
        if (logFile == null) {
            throw new IllegalStateException("logTo must be set");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(logFile, "$ " + String.join(" ", command) + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> wrapped = new ArrayList<>(wrapper);
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (agentVariables != null) {
            EnvironmentPolicy.restrictForAgent(builder.environment(), agentVariables);
        }
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (!finished) {
            killTree(process);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new ProcessResult(finished ? process.exitValue() : -1, !finished, took, logFile);
    }

    private static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static java.io.File nullDevice() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
