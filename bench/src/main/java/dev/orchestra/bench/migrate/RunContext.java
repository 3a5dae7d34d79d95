package dev.orchestra.bench.migrate;

import dev.orchestra.engine.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What the figures belong to: the date, the machine, the Java and Maven versions, the Orchestra commit measured. */
record RunContext(String date, int cores, String java, String maven, String orchestraCommit, String loadAtStart) {
    static RunContext probe(Path orchestraRoot, Path scratch) throws IOException, InterruptedException {
        return new RunContext(LocalDate.now(ZoneOffset.UTC).toString(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                firstLine(scratch, "mvn -v", "maven-version.log").replaceAll("\u001B\\[[0-9;]*m", ""),
                commit(orchestraRoot, scratch), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" where /proc/loadavg does not exist. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String commit(Path root, Path scratch) throws IOException, InterruptedException {
        String head = firstLine(scratch, "git -C '" + root + "' rev-parse --short=12 HEAD", "orchestra-commit.log");
        String dirty = firstLine(scratch, "git -C '" + root + "' status --porcelain --untracked-files=no | head -1",
                "orchestra-status.log");
        return head + (dirty.isBlank() ? "" : " (with uncommitted changes)");
    }

    /** The first line a shell command printed (its log holds the command line first, then its output). */
    private static String firstLine(Path scratch, String command, String logName) throws IOException, InterruptedException {
        Path log = scratch.resolve(logName);
        Files.deleteIfExists(log);
        ProcessRunner.shell(command).logTo(log).run();
        return Files.readAllLines(log).stream().skip(1).findFirst().orElse("").strip();
    }
}
