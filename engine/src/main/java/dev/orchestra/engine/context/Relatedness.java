package dev.orchestra.engine.context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files belong near the focus files in a prompt: those in the same folder (for Java, the same
 * package), Java files that mention a focus file's type by its simple name, and Java files whose
 * type a focus file mentions. A mention is a whole word anywhere in the text (code, comments or
 * strings); the words of a committed file are read once per blob ({@link RepositoryFiles#words}), so
 * steps that start together from one commit do not each search the whole repository's text.
 */
final class Relatedness {
    private final RepositoryFiles files;
    private final Map<String, Optional<String>> javaSources = new HashMap<>();
    private final Set<String> focusFolders;
    private final List<String> focusTypes;
    private final String focusText;
    private final Set<String> focusWords;

    Relatedness(RepositoryFiles files, Set<String> focus) {
        this.files = files;
        this.focusFolders = focus.stream().map(Relatedness::folder).collect(Collectors.toSet());
        this.focusTypes = focus.stream().filter(p -> p.endsWith(".java")).map(Relatedness::simpleName).toList();
        this.focusText = focus.stream().map(p -> javaSource(p).orElse("")).collect(Collectors.joining("\n"));
        this.focusWords = RepositoryFiles.wordsOf(focusText);
    }

    /** The text of a Java file (read once); empty for other files and unreadable ones. */
    Optional<String> javaSource(String path) {
        return path.endsWith(".java") ? javaSources.computeIfAbsent(path, files::text) : Optional.empty();
    }

    boolean isRelated(String path) {
        if (focusFolders.contains(folder(path))) {
            return true;
        }
        if (!path.endsWith(".java")) {
            return false;
        }
        Optional<Set<String>> words = files.words(path);
        if (words.isEmpty()) {
            return false;
        }
        for (String type : focusTypes) { // a loop, not a stream: this runs for every file of every step
            if (RepositoryFiles.isWord(type) ? words.get().contains(type) : mentionsWord(javaSource(path).orElse(""), type)) {
                return true;
            }
        }
        String name = simpleName(path);
        return RepositoryFiles.isWord(name) ? focusWords.contains(name) : mentionsWord(focusText, name);
    }

    /** Whether {@code word} stands in {@code text} as a whole word (no regex: this runs for every file). */
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
