package dev.orchestra.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.edit.Edit;
import dev.orchestra.engine.model.AnswerReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A model agent's answer read from its JSON: edits and a rationale (writers), or findings and a
 * verdict (reviewer), from the object the {@link AnswerReader} found. An answer of another shape says why, for the retry.
 */
record ModelAnswer(List<Edit> edits, String rationale, List<Note> findings, String verdict, String problem) {

    boolean valid() {
        return problem == null;
    }

    static ModelAnswer parse(AnswerReader.Answer read) {
        if (!read.readable()) {
            return invalid(read.problem());
        }
        JsonNode root = read.json();
        if (root.has("edits")) {
            return edits(root);
        }
        if (root.has("findings")) {
            return findings(root);
        }
        return invalid("Your answer has neither 'edits' nor 'findings'.");
    }

    private static ModelAnswer edits(JsonNode root) {
        List<Edit> edits = new ArrayList<>();
        for (JsonNode edit : root.path("edits")) {
            if (!edit.path("path").isTextual() || !edit.path("replace").isTextual()) {
                return invalid("Every edit needs a 'path', a 'search' (may be empty) and a 'replace'.");
            }
            edits.add(new Edit(edit.get("path").asText(), edit.path("search").asText(""), edit.get("replace").asText()));
        }
        if (edits.isEmpty()) {
            return invalid("Your answer has no edits; the step asks for a change.");
        }
        return new ModelAnswer(edits, root.path("rationale").asText(""), List.of(), null, null);
    }

    private static ModelAnswer findings(JsonNode root) {
        List<Note> notes = new ArrayList<>();
        for (JsonNode finding : root.path("findings")) {
            notes.add(new Note(finding.path("severity").asText("info"), finding.path("file").asText(""),
                    finding.path("line").asInt(0), finding.path("message").asText(""), "reviewer"));
        }
        String verdict = root.path("verdict").asText("");
        return new ModelAnswer(List.of(), "", notes, verdict.isBlank() ? notes.size() + " finding(s)" : verdict, null);
    }

    private static ModelAnswer invalid(String problem) {
        return new ModelAnswer(List.of(), "", List.of(), null, problem);
    }
}
