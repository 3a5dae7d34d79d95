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

    /** A duration as people write it (see {@link dev.orchestra.engine.time.Durations#format(Duration)}). */
    static String duration(Duration d) {
        return dev.orchestra.engine.time.Durations.format(d);
    }
}
