package dev.orchestra.engine.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How a process ended: exit code (-1 when killed for its time limit), duration, and its log. */
public record ProcessResult(int exitCode, boolean timedOut, Duration duration, Path logFile) {
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The last {@code n} lines of the log, for error messages. */
    public String tail(int n) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
