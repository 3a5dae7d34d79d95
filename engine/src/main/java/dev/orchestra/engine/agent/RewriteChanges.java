package dev.orchestra.engine.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rewrite-maven-plugin's report ("Changes have been made to pom.xml by:" followed by the
 * indented recipes) into one {@code info} note per file, naming the recipes that changed it.
 */
final class RewriteChanges {
    private static final Pattern FILE = Pattern.compile(
            "^\\[WARNING\\] (Changes have been made to|Generated new file|Deleted file|File has been moved from \\S+ to) (\\S+) by:\\s*$");
    private static final Pattern RECIPE = Pattern.compile("^\\[WARNING\\] {4,}([A-Za-z0-9_$.]+)(?::.*)?$");

    private RewriteChanges() {}

    static List<Note> notes(List<String> lines) {
        Map<String, Set<String>> recipesByFile = new LinkedHashMap<>();
        Map<String, String> actionByFile = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            Matcher file = FILE.matcher(line);
            Matcher recipe = RECIPE.matcher(line);
            if (file.find()) {
                current = file.group(2);
                actionByFile.put(current, action(file.group(1)));
                recipesByFile.computeIfAbsent(current, f -> new LinkedHashSet<>());
            } else if (current != null && recipe.find()) {
                recipesByFile.get(current).add(recipe.group(1));
            } else {
                current = null;
            }
        }
        List<Note> notes = new ArrayList<>();
        recipesByFile.forEach((file, recipes) -> notes.add(new Note("info", file, 0,
                actionByFile.get(file) + " by " + String.join(", ", recipes), "openrewrite")));
        return notes;
    }

    private static String action(String verb) {
        if (verb.startsWith("Generated")) {
            return "created";
        }
        if (verb.startsWith("Deleted")) {
            return "deleted";
        }
        return verb.startsWith("File has been moved") ? "moved" : "changed";
    }
}
