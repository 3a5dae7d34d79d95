package dev.orchestra.engine.run;

import dev.orchestra.engine.validate.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The failing tests of a validation, for the fix planner: name, message and a trimmed stack for
 * each, and the repository files the failures point at (test classes, frames of the stack traces,
 * files the run changed).
 */
record FailureReport(String text, List<String> classNames, List<String> changedFiles) {
    private static final Pattern FRAME = Pattern.compile("at ([\\w$.]+)\\.[\\w$<>]+\\(\\w+\\.java:\\d+\\)");
    private static final int MAX_STACK_LINES = 15;
    private static final int MAX_RELATED = 8;

    static FailureReport of(RunState state) {
        List<String> failing = new ArrayList<>(state.validation.comparison.newlyFailing());
        failing.addAll(state.validation.comparison.notRun());
        StringBuilder text = new StringBuilder();
        Set<String> classes = new LinkedHashSet<>();
        for (String id : failing) {
            TestCase test = state.validation.tests.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
            classes.add(id.contains("#") ? id.substring(0, id.indexOf('#')) : id);
            if (test == null) {
                text.append("- ").append(id).append(": ran before the change, did not run after it\n");
                continue;
            }
            text.append("- ").append(id).append(" (").append(test.outcome().name().toLowerCase()).append("): ")
                    .append(test.message()).append('\n');
            List<String> stack = test.detail().lines().limit(MAX_STACK_LINES).toList();
            stack.forEach(line -> text.append("    ").append(line.strip()).append('\n'));
            Matcher frame = FRAME.matcher(test.detail());
            while (frame.find()) {
                classes.add(frame.group(1).replaceAll("\\$.*", ""));
            }
        }
        List<String> changed = new ArrayList<>();
        state.steps.forEach(step -> step.files.stream().filter(f -> !changed.contains(f)).forEach(changed::add));
        return new FailureReport(text.toString(), List.copyOf(classes), changed);
    }

    /** Files in {@code dir} the failures point at, most relevant first, a few at most. */
    List<String> relatedFiles(Path dir) {
        Set<String> related = new LinkedHashSet<>();
        for (String className : classNames) {
            String suffix = className.replace('.', '/') + ".java";
            findEndingWith(dir, suffix).ifPresent(related::add);
        }
        changedFiles.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).forEach(related::add);
        return related.stream().limit(MAX_RELATED).toList();
    }

    private static java.util.Optional<String> findEndingWith(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && (p.equals(suffix) || p.endsWith("/" + suffix)))
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
