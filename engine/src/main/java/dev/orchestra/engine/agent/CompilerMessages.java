package dev.orchestra.engine.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the compiler messages that Maven prints, e.g. {@code [WARNING] /abs/src/A.java:[12,5] msg}, into
 * notes with repository-relative paths; continuation lines (javac's "symbol:", "location:") are joined.
 */
final class CompilerMessages {
    private static final Pattern MESSAGE =
            Pattern.compile("^\\[(WARNING|ERROR)\\] (.+?\\.java):\\[(\\d+)(?:,\\d+)?\\] (.*)$");

    private static final Pattern PREFIXED_CONTINUATION = Pattern.compile("^\\[(?:ERROR|WARNING)\\] {2,}(\\S.*)$");

    private CompilerMessages() {}

    static List<Note> notes(List<String> lines, Path workdir) {
        Set<Note> notes = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MESSAGE.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            StringBuilder message = new StringBuilder(m.group(4).trim());
            while (i + 1 < lines.size() && continuation(lines.get(i + 1)) != null) {
                message.append("; ").append(continuation(lines.get(++i)));
            }
            String severity = m.group(1).equals("ERROR") ? "error" : "warning";
            notes.add(new Note(severity, relative(m.group(2), workdir), Integer.parseInt(m.group(3)),
                    message.toString(), "javac"));
        }
        return new ArrayList<>(notes);
    }

    /** The text of a message's further line (javac's "symbol:", "location:"), or null for other lines. */
    private static String continuation(String line) {
        if (!line.isBlank() && Character.isWhitespace(line.charAt(0))) {
            return line.trim();
        }
        Matcher m = PREFIXED_CONTINUATION.matcher(line);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String relative(String file, Path workdir) {
        Path path = Path.of(file).normalize();
        for (Path root : roots(workdir)) {
            if (path.startsWith(root)) {
                return root.relativize(path).toString().replace('\\', '/');
            }
        }
        return file;
    }

    private static List<Path> roots(Path workdir) {
        List<Path> roots = new ArrayList<>(List.of(workdir.toAbsolutePath().normalize()));
        try {
            roots.add(workdir.toRealPath());
        } catch (java.io.IOException e) {
            // the absolute path is all we have
        }
        return roots;
    }
}
