package dev.orchestra.engine.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which files belong near the focus files in a prompt: those in the same folder (for Java, the same
 * package), Java files that mention a focus file's type by its simple name, and Java files whose
 * type a focus file mentions.
 */
final class Relatedness {
    private final Map<String, String> javaSources = new HashMap<>();
    private final Set<String> focusFolders;
    private final Pattern focusTypes;
    private final String focusText;

    Relatedness(Path repo, List<String> paths, Set<String> focus) {
        javaSources.putAll(RepositoryFiles.read(repo, paths.stream().filter(p -> p.endsWith(".java")).toList()));
        this.focusFolders = focus.stream().map(Relatedness::folder).collect(Collectors.toSet());
        String names = focus.stream().filter(p -> p.endsWith(".java")).map(Relatedness::simpleName)
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.focusTypes = names.isEmpty() ? null : Pattern.compile("\\b(" + names + ")\\b");
        this.focusText = focus.stream().map(p -> javaSources.getOrDefault(p, "")).collect(Collectors.joining("\n"));
    }

    Optional<String> javaSource(String path) {
        return Optional.ofNullable(javaSources.get(path));
    }

    boolean isRelated(String path) {
        if (focusFolders.contains(folder(path))) {
            return true;
        }
        String source = javaSources.get(path);
        if (source == null) {
            return false;
        }
        boolean mentionsFocus = focusTypes != null && focusTypes.matcher(source).find();
        return mentionsFocus || mentionsWord(focusText, simpleName(path));
    }

    /** Whether {@code word} stands in {@code text} as a whole word (no regex: this runs once per file). */
    private static boolean mentionsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean startsWord = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String simpleName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }
}
