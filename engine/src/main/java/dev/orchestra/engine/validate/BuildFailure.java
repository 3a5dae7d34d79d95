package dev.orchestra.engine.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a validation's build failed, read from its output: the compiler's errors (main and test code), and the
 * failing build plugin's own summary (Maven's "Failed to execute goal …", Gradle's "What went wrong"), which is
 * all there is when the build breaks without a diagnostic (a dependency that no longer resolves).
 *
 * @param errors the compiler errors, at most {@link #MAX_KEPT}, in the order printed
 * @param errorCount how many compiler errors the output holds
 * @param summary the failing plugin's summary, or null when the output has none
 */
public record BuildFailure(List<CompilerMessage> errors, int errorCount, String summary) {
    /** More errors than this are counted, not kept. */
    public static final int MAX_KEPT = 200;

    private static final Pattern MAVEN_GOAL = Pattern.compile("^\\[ERROR\\] Failed to execute goal (.*?)(?: -> \\[Help \\d+\\])?\\s*$");
    private static final Pattern REPEATED = Pattern.compile("(.+?: )\\1+");
    private static final Pattern COMPILATION = Pattern.compile("(?i)compil");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    public BuildFailure {
        errors = List.copyOf(errors);
    }

    /**
     * The failure in the output {@code log} holds from byte {@code offset} on (a log that several runs appended to
     * is read from where this run began); null when that part shows neither a compiler error nor a plugin summary.
     */
    public static BuildFailure read(Path log, long offset, Path workdir) throws IOException {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), workdir);
        }
    }

    /** The failure in these output lines, or null when they show none. */
    public static BuildFailure of(List<String> lines, Path workdir) {
        List<CompilerMessage> errors = CompilerMessages.errors(lines, workdir);
        String summary = summary(lines);
        if (errors.isEmpty() && summary == null) {
            return null;
        }
        return new BuildFailure(errors.subList(0, Math.min(errors.size(), MAX_KEPT)), errors.size(), summary);
    }

    /** True when the code no longer compiles: compiler errors, or a compile task or goal that failed. */
    public boolean compileBroken() {
        return errorCount > 0 || (summary != null && COMPILATION.matcher(summary).find());
    }

    /** One line: "the build fails to compile (3 errors)", or the plugin's summary when there is no diagnostic. */
    public String describe() {
        if (errorCount > 0) {
            return "the build fails to compile (" + errorCount + (errorCount == 1 ? " error)" : " errors)");
        }
        return (compileBroken() ? "the build fails to compile: " : "the build fails: ") + summary;
    }

    private static String summary(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = ANSI.matcher(lines.get(i)).replaceAll("");
            Matcher maven = MAVEN_GOAL.matcher(line);
            if (maven.find()) {
                return tidy(maven.group(1).replaceFirst("^org\\.apache\\.maven\\.plugins:", ""));
            }
            if (line.startsWith("* What went wrong:")) {
                return gradleReason(lines, i + 1);
            }
        }
        return null;
    }

    private static String gradleReason(List<String> lines, int from) {
        List<String> parts = new ArrayList<>();
        for (int i = from; i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("* "); i++) {
            parts.add(lines.get(i).trim().replaceFirst("^> ", ""));
        }
        return parts.isEmpty() ? null : tidy(String.join(" ", parts));
    }

    private static String tidy(String text) {
        String once = REPEATED.matcher(text.trim() + " ").replaceAll("$1").trim();
        once = once.replaceAll("[:\\s]+$", "");
        return once.length() <= 300 ? once : once.substring(0, 299) + "…";
    }
}
