package dev.orchestra.jenkins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's own Jenkinsfile.example and docs/jenkins.md, as the tests read them: the example's Groovy with only its
 * lines marked {@code // project:} replaced (where the project builds, how it is checked out, how its tests run) and
 * its last lines (which flow to run) chosen by the test. Every call shape is the example's own.
 */
final class ExampleJenkinsfile {
    static final String PROJECT_MARK = "// project:";
    static final String ENTRY = "feature()\n";

    private ExampleJenkinsfile() {}

    /** A file of the project's root folder, found from the module's folder. */
    static Path projectFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(name)) && Files.isDirectory(dir.resolve("jenkins-plugin"))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
    }

    static String text() {
        return read(projectFile("Jenkinsfile.example"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example with each project line that starts with a key of {@code project} replaced by its value, and
     * {@code entry} run instead of the example's own last lines; a key that matches no project line fails.
     */
    static String script(Map<String, String> project, String entry) {
        List<String> lines = new ArrayList<>(text().lines().toList());
        for (Map.Entry<String, String> replacement : project.entrySet()) {
            int at = indexOf(lines, replacement.getKey());
            lines.set(at, replacement.getValue());
        }
        int end = lines.lastIndexOf(ENTRY.strip());
        if (end < 0) {
            throw new IllegalStateException("Jenkinsfile.example no longer ends with " + ENTRY.strip());
        }
        return String.join("\n", lines.subList(0, end)) + "\n" + entry + "\n";
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start) && lines.get(i).contains(PROJECT_MARK)) {
                return i;
            }
        }
        throw new IllegalStateException("Jenkinsfile.example has no project line starting with " + start);
    }
}
