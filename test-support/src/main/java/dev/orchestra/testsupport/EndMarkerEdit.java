package dev.orchestra.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code writer's answer for scripted runs whose steps each own one Java file with a line
 * {@code // end of <Type>}: the edit puts {@code code} just above that line of the file the prompt says the
 * step may change. A prompt that names no file gets HTTP 400.
 */
public final class EndMarkerEdit {
    private static final Pattern FILE = Pattern.compile("You may change: (\\S+)");

    private EndMarkerEdit() {}

    public static ScriptedAnswer insert(RecordedRequest request, String code) {
        StringBuilder text = new StringBuilder();
        request.body().path("messages").forEach(m -> text.append(m.path("content").asText()).append('\n'));
        Matcher file = FILE.matcher(text);
        if (!file.find()) {
            return ScriptedAnswer.status(400);
        }
        String path = file.group(1);
        String marker = "    // end of " + path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
        return ScriptedAnswer.text(SearchReplaceBlocks.text("Adds code before the end marker.", path, marker,
                code + marker));
    }
}
