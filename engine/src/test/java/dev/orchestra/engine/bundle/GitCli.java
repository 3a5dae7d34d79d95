package dev.orchestra.engine.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} command line in a folder, with a test identity; fails on a non-zero exit. */
final class GitCli {
    private GitCli() {}

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + output);
        }
        return output.strip();
    }

    /** A clone of {@code origin} checked out (detached) at {@code base}, with {@code patches} applied by git am. */
    static Path amOnBase(Path origin, String base, Path workdir, List<Path> patches) throws Exception {
        Path clone = workdir.resolve("applied");
        git(workdir, "clone", "-q", origin.toString(), clone.toString());
        git(clone, "checkout", "-q", "--detach", base);
        List<String> am = new ArrayList<>(List.of("am", "-q"));
        patches.forEach(p -> am.add(p.toAbsolutePath().toString()));
        git(clone, am.toArray(String[]::new));
        return clone;
    }
}
