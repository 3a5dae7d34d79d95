package dev.orchestra.engine.run;

import dev.orchestra.engine.state.Breakage;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.validate.CompilerMessage;
import dev.orchestra.engine.validate.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What broke, for the fix planner, the most telling first: the compiler errors (file and line, message, the source
 * lines around each), the tests that now fail (message and a trimmed stack), one line for the tests that no longer
 * run, and the steps that failed. With it the files to show in full: the files the compiler names
 * ({@code brokenFiles}), then those of the failing tests and their stack frames, then files the run changed that
 * these mention or are mentioned by ({@code relatedFiles}).
 */
record FailureReport(String text, List<String> brokenFiles, List<String> relatedFiles) {
    private static final Pattern FRAME = Pattern.compile("at ([\\w$.]+)\\.[\\w$<>]+\\(\\w+\\.java:\\d+\\)");
    private static final int MAX_STACK_LINES = 15;
    private static final int SOURCE_LINES_AROUND = 2;
    private static final int MAX_RELATED = 8;
    private static final int NAMES_SHOWN = 5;

    static FailureReport of(RunState state, Breakage breakage, Path dir) {
        SourceFiles files = SourceFiles.in(dir);
        StringBuilder text = new StringBuilder();
        compileErrors(breakage, files, text);
        Set<String> classes = failingTests(breakage, text);
        notRun(breakage, text);
        if (breakage.exitChange() != null) {
            text.append(capitalised(breakage.exitChange())).append(".\n");
        }
        breakage.failedSteps().forEach(step -> text.append("- ").append(step).append('\n'));
        List<String> broken = breakage.compileErrors().stream().map(CompilerMessage::file).distinct()
                .filter(files::exists).toList();
        return new FailureReport(text.toString(), broken, related(state, broken, classes, files));
    }

    private static void compileErrors(Breakage breakage, SourceFiles files, StringBuilder text) {
        if (breakage.build() == null) {
            return;
        }
        text.append(capitalised(breakage.build())).append(breakage.compileErrors().isEmpty() ? ".\n" : ":\n");
        for (CompilerMessage error : breakage.compileErrors()) {
            text.append("- ").append(error.file()).append(':').append(error.line())
                    .append(error.column() > 0 ? ":" + error.column() : "").append(": ").append(error.message()).append('\n');
            files.around(error.file(), error.line(), SOURCE_LINES_AROUND).forEach(l -> text.append("    ").append(l).append('\n'));
        }
    }

    /** Appends the failing tests; returns the classes they and their stack frames name. */
    private static Set<String> failingTests(Breakage breakage, StringBuilder text) {
        Set<String> classes = new LinkedHashSet<>();
        if (!breakage.failingTests().isEmpty()) {
            text.append("Tests that passed before and fail now (").append(breakage.failingTests().size()).append("):\n");
        }
        for (TestCase test : breakage.failingTests()) {
            classes.add(test.id().contains("#") ? test.id().substring(0, test.id().indexOf('#')) : test.id());
            text.append("- ").append(test.id()).append(" (").append(test.outcome().name().toLowerCase()).append("): ")
                    .append(test.message()).append('\n');
            test.detail().lines().limit(MAX_STACK_LINES).forEach(line -> text.append("    ").append(line.strip()).append('\n'));
            Matcher frame = FRAME.matcher(test.detail());
            while (frame.find()) {
                classes.add(frame.group(1).replaceAll("\\$.*", ""));
            }
        }
        return classes;
    }

    private static void notRun(Breakage breakage, StringBuilder text) {
        List<String> ids = breakage.notRun();
        if (ids.isEmpty()) {
            return;
        }
        String some = String.join(", ", ids.subList(0, Math.min(NAMES_SHOWN, ids.size())));
        text.append(ids.size() == 1 ? "1 test" : ids.size() + " tests").append(" ran before the change and did not run after it (")
                .append(ids.size() > NAMES_SHOWN ? "e.g. " + some + ", …" : some).append(").\n");
    }

    /** Files of the failing classes, then files the run changed that touch the broken or failing ones. */
    private static List<String> related(RunState state, List<String> broken, Set<String> classes, SourceFiles files) {
        Set<String> related = new LinkedHashSet<>();
        classes.forEach(name -> files.ofClass(name).filter(f -> !broken.contains(f)).ifPresent(related::add));
        List<String> focus = new ArrayList<>(broken);
        focus.addAll(related);
        List<String> changed = state.steps().stream().flatMap(s -> s.files.stream()).distinct()
                .filter(f -> !focus.contains(f) && files.exists(f)).toList();
        changed.stream().filter(f -> files.touch(f, focus)).forEach(related::add);
        return related.stream().limit(MAX_RELATED).toList();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Reads the snapshot's source files for the report; a path that leaves the folder reads as missing. */
    record SourceFiles(Path dir, Set<String> paths) {
        private static final Pattern SKIPPED = Pattern.compile("(^|/)(\\.git|\\.orchestra|target|node_modules)/");

        static SourceFiles in(Path dir) {
            try (var walk = Files.walk(dir)) {
                return new SourceFiles(dir, walk.filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !SKIPPED.matcher(p).find())
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return new SourceFiles(dir, Set.of());
            }
        }

        boolean exists(String path) {
            return path != null && paths.contains(path);
        }

        java.util.Optional<String> ofClass(String className) {
            String suffix = className.replace('.', '/') + ".java";
            return paths.stream().filter(p -> p.equals(suffix) || p.endsWith("/" + suffix)).findFirst();
        }

        /** Lines {@code line - n} to {@code line + n}, numbered, the line itself marked with {@code >}. */
        List<String> around(String path, int line, int n) {
            List<String> lines = exists(path) ? text(path).lines().toList() : List.of();
            List<String> shown = new ArrayList<>();
            for (int i = Math.max(1, line - n); i <= Math.min(lines.size(), line + n); i++) {
                shown.add((i == line ? "> " : "  ") + String.format("%4d | ", i) + lines.get(i - 1));
            }
            return shown;
        }

        /** True when {@code path} names one of {@code others}' types, or one of them names its type. */
        boolean touch(String path, List<String> others) {
            String text = text(path);
            String own = stem(path);
            return others.stream().anyMatch(o -> mentions(text, stem(o)) || mentions(text(o), own));
        }

        String text(String path) {
            try {
                return Files.readString(dir.resolve(path));
            } catch (java.io.IOException | RuntimeException e) {
                return "";
            }
        }

        private static boolean mentions(String text, String word) {
            return !word.isEmpty() && Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
        }

        private static String stem(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        }
    }
}
