package dev.orchestra.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real git command line, for tests that let git itself judge what Orchestra wrote. */
public final class GitCli {
    private GitCli() {}

    /** Runs {@code git -C repo args...}; its output (stdout and stderr), or an error when git exits non-zero. */
    public static String run(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + exit + ": " + out);
        }
        return out;
    }
}
