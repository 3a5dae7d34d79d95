package dev.orchestra.engine.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bubblewrap ({@code bwrap}, Debian package {@code bubblewrap}): the command line that runs a command with the whole
 * file system read-only except its folder, a private {@code /tmp}, its own process, IPC and (unless asked) network
 * namespaces, no capabilities, and the environment it was given. Whether it works here is found out by running it once
 * per executable: it may be installed yet refused (no user namespaces).
 */
final class Bubblewrap {
    static final String EXECUTABLE = "bwrap";

    /** The outcome of running bubblewrap once: usable, or why not. */
    record Probe(boolean usable, String problem) {}

    private static final Map<Path, Probe> PROBES = new ConcurrentHashMap<>();

    private Bubblewrap() {}

    /** {@code bwrap} in the folders of {@code pathVariable}, the first executable one. */
    static Optional<Path> find(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String folder : pathVariable.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, EXECUTABLE);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code bwrap ... true} once per executable, with the arguments real commands get. */
    static Probe probe(Path bwrap) {
        return PROBES.computeIfAbsent(bwrap, Bubblewrap::runProbe);
    }

    /**
     * The arguments that run a command (appended after them) in {@code folder}, the only place it may write; each of
     * {@code hidden} that is a folder is replaced by an empty one.
     */
    static List<String> prefix(Path bwrap, Path folder, boolean network, List<Path> hidden) {
        String dir = folder.toAbsolutePath().normalize().toString();
        List<String> args = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all"));
        if (network) {
            args.add("--share-net");
        }
        args.addAll(List.of("--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--bind", dir, dir));
        for (Path path : hidden) {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--tmpfs", path.toAbsolutePath().normalize().toString()));
            }
        }
        args.addAll(List.of("--chdir", dir, "--"));
        return args;
    }

    private static Probe runProbe(Path bwrap) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("orchestra-sandbox-probe-");
            List<String> command = new ArrayList<>(prefix(bwrap, folder, false, List.of()));
            command.add("true");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean ended = process.waitFor(20, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
                return new Probe(false, bwrap + " did not finish within 20s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? new Probe(true, null)
                    : new Probe(false, bwrap + " does not work here: " + firstLine(output, process.exitValue()));
        } catch (IOException e) {
            return new Probe(false, bwrap + " cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted while trying " + bwrap);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static String firstLine(String output, int exitCode) {
        String line = output.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "exit code " + exitCode : line;
    }

    private static void deleteQuietly(Path folder) {
        try {
            if (folder != null) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            // an empty folder in the temp folder
        }
    }
}
