package dev.orchestra.engine.validate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads compiler diagnostics out of a build's output: Maven's {@code [ERROR] /abs/A.java:[26,17] msg}, plain
 * javac's {@code A.java:26: error: msg} (Gradle, Ant, a shell script) and Kotlin's {@code e: file:///abs/A.kt:26:17 msg}.
 * Further lines of a message (javac's "symbol:", "location:") are joined to it; the same diagnostic printed twice
 * (Maven repeats them in its failure summary) is kept once; paths inside {@code workdir} become relative to it.
 */
public final class CompilerMessages {
    private static final Pattern MAVEN = Pattern.compile("^\\[(WARNING|ERROR)\\] (.+?\\.(?:java|kt|groovy|scala)):\\[(\\d+)(?:,(\\d+))?\\] (.*)$");
    /** A forked javac (the compiler plugin's {@code <fork>true</fork>}) starts Maven's message with its own severity. */
    private static final Pattern FORKED_SEVERITY = Pattern.compile("^(error|warning): ");
    private static final Pattern JAVAC = Pattern.compile("^(.+?\\.java):(\\d+): (error|warning): (.*)$");
    private static final Pattern KOTLIN = Pattern.compile("^([ew]): (.+?\\.kts?):(\\d+):(\\d+):? (.*)$");
    private static final Pattern KOTLIN_OLD = Pattern.compile("^([ew]): (.+?\\.kts?): \\((\\d+), (\\d+)\\): (.*)$");
    private static final Pattern MAVEN_CONTINUATION = Pattern.compile("^(?:\\[(?:ERROR|WARNING)\\])? {2,}(\\S.*)$");
    private static final Pattern JAVAC_DETAIL = Pattern.compile("^\\s+((?:symbol|location|required|found|reason|where)\\b.*)$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private CompilerMessages() {}

    /** Every diagnostic in {@code lines}, in the order first printed. */
    public static List<CompilerMessage> read(List<String> lines, Path workdir) {
        List<Path> roots = roots(workdir);
        Map<String, CompilerMessage> found = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Parsed parsed = parse(clean(lines.get(i)));
            if (parsed == null) {
                continue;
            }
            StringBuilder message = new StringBuilder(parsed.message().trim());
            i = appendFurtherLines(lines, i + 1, parsed, message) - 1;
            CompilerMessage m = new CompilerMessage(parsed.severity(), relative(parsed.file(), roots), parsed.line(),
                    parsed.column(), message.toString().replaceAll("\\s+", " "));
            found.merge(m.file() + ":" + m.line() + ":" + m.column() + ":" + m.severity(), m,
                    (a, b) -> b.message().length() > a.message().length() ? b : a);
        }
        return new ArrayList<>(found.values());
    }

    /** Appends the message's further lines from {@code from} on; returns the index of the first line after them. */
    private static int appendFurtherLines(List<String> lines, int from, Parsed parsed, StringBuilder message) {
        int next = from;
        for (int echo = parsed.echoLines(); next < lines.size(); next++) {
            String line = clean(lines.get(next));
            if (parse(line) != null) {
                break;
            }
            Matcher detail = parsed.detail().matcher(line);
            if (detail.find()) {
                message.append("; ").append(detail.group(1).trim());
                echo = 0;
            } else if (echo-- <= 0) {
                break;
            }
        }
        return next;
    }

    /** Only the errors. */
    public static List<CompilerMessage> errors(List<String> lines, Path workdir) {
        return read(lines, workdir).stream().filter(CompilerMessage::error).toList();
    }

    /** A diagnostic's first line; {@code echoLines} lines (javac's copy of the source line and its caret) may come before its further lines. */
    private record Parsed(String severity, String file, int line, int column, String message, Pattern detail, int echoLines) {}

    private static String clean(String line) {
        return ANSI.matcher(line).replaceAll("");
    }

    private static Parsed parse(String line) {
        Matcher m = MAVEN.matcher(line);
        if (m.find()) {
            return maven(m);
        }
        m = JAVAC.matcher(line);
        if (m.find()) {
            return new Parsed(m.group(3), m.group(1), number(m.group(2)), 0, m.group(4), JAVAC_DETAIL, 2);
        }
        m = KOTLIN.matcher(line);
        if (!m.find()) {
            m = KOTLIN_OLD.matcher(line);
            if (!m.find()) {
                return null;
            }
        }
        return new Parsed(m.group(1).equals("e") ? "error" : "warning", fromUri(m.group(2)), number(m.group(3)),
                number(m.group(4)), m.group(5), JAVAC_DETAIL, 0);
    }

    private static Parsed maven(Matcher m) {
        String severity = m.group(1).equals("ERROR") ? "error" : "warning";
        String message = m.group(5);
        Matcher forked = FORKED_SEVERITY.matcher(message);
        if (forked.find()) {
            severity = forked.group(1);
            message = message.substring(forked.end());
        }
        return new Parsed(severity, m.group(2), number(m.group(3)), number(m.group(4)), message, MAVEN_CONTINUATION, 0);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String fromUri(String file) {
        if (!file.startsWith("file:")) {
            return file;
        }
        try {
            return Path.of(URI.create(file)).toString();
        } catch (IllegalArgumentException e) {
            return file.substring("file:".length());
        }
    }

    private static String relative(String file, List<Path> roots) {
        Path path;
        try {
            path = Path.of(file).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
        for (Path root : roots) {
            if (path.isAbsolute() && path.startsWith(root)) {
                return root.relativize(path).toString().replace('\\', '/');
            }
        }
        return file.replace('\\', '/');
    }

    private static List<Path> roots(Path workdir) {
        List<Path> roots = new ArrayList<>(List.of(workdir.toAbsolutePath().normalize()));
        try {
            roots.add(workdir.toRealPath());
        } catch (IOException e) {
            // the absolute path is all we have
        }
        return roots;
    }
}
