package dev.orchestra.engine.agent;

import dev.orchestra.engine.process.ProcessResult;
import java.time.Duration;
import java.util.List;

/** Turns tool output into the one-line summaries results carry. */
final class OneLine {
    private static final int MAX = 300;

    private OneLine() {}

    /** Whitespace (newlines included) collapsed, colour codes removed, cut at a readable length. */
    static String of(String text) {
        String flat = stripAnsi(text).replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX ? flat : flat.substring(0, MAX - 1) + "…";
    }

    /** Removes terminal colour escapes that some tools print even in batch mode. */
    static String stripAnsi(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }

    /** The last {@code n} lines a process wrote, without the command line the runner logged first. */
    static String tail(ProcessResult result, List<String> command, int n) {
        String header = "$ " + String.join(" ", command);
        return of(result.tail(n + 1).lines().filter(l -> !l.equals(header)).reduce((a, b) -> a + " | " + b)
                .map(t -> t.substring(Math.max(0, t.length() - MAX))).orElse(""));
    }

    /** A duration as people write it: 850ms, 12.3s, 4m05s, 1h02m. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        if (d.toHours() == 0) {
            return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}
