package dev.orchestra.engine.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines a Maven build printed, colour codes removed, with the questions the agents ask of them. */
final class MavenLog {
    private static final Pattern FAILED_GOAL =
            Pattern.compile("\\[ERROR\\] Failed to execute goal .*? on project [^:]+: (.*?)(?: -> \\[Help \\d+\\])?$");

    private static final Pattern FAILED_PLUGIN = Pattern.compile("\\[ERROR\\] Failed to execute goal ([^:\\s]+:[^:\\s]+):");

    private final List<String> lines;

    private MavenLog(List<String> lines) {
        this.lines = lines;
    }

    static MavenLog read(Path log) {
        try {
            return new MavenLog(OneLine.stripAnsi(Files.readString(log, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            return new MavenLog(List.of());
        }
    }

    List<String> lines() {
        return lines;
    }

    /** Why the build failed, in Maven's own words: the failed goal's reason, else the first error. */
    /** The plugin whose goal failed ({@code org.apache.maven.plugins:maven-enforcer-plugin}), or null. */
    String failedPlugin() {
        for (String line : lines) {
            Matcher m = FAILED_PLUGIN.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    String failureReason() {
        for (String line : lines) {
            Matcher m = FAILED_GOAL.matcher(line);
            if (m.find() && !m.group(1).isBlank()) {
                return m.group(1).replaceFirst("^Execution \\S+ of goal \\S+ failed: ", "").trim();
            }
        }
        return lines.stream().filter(l -> l.startsWith("[ERROR] ") && l.length() > 8).findFirst()
                .map(l -> l.substring(8).trim()).orElse("see the step's log");
    }
}
