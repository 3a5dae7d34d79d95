package dev.orchestra.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of the JSON object in a model's reply, for the planner, the writers, the reviewer and the account:
 * bare, fenced (with or without a language tag), with prose before or after, with trailing commas or comments, or as
 * the arguments of a tool call. A reader that expects {@code edits} also reads a writer's plain-text SEARCH/REPLACE
 * blocks ({@link EditBlocks}) into the same object. A reply it cannot read becomes a problem for the retry, never an
 * exception.
 */
public final class AnswerReader {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[\\w+-]*[ \\t]*\\R(.*?)```", Pattern.DOTALL);
    /** How many opening braces in prose are tried as the start of the object. */
    private static final int MAX_STARTS = 20;
    /** How much of a reply with no object a problem quotes. */
    private static final int QUOTED = 200;
    /** The key of a writer's answer: a reader expecting it also reads SEARCH/REPLACE blocks. */
    private static final String EDITS = "edits";
    private static final String JSON_OBJECT = "the one JSON object asked for";
    private static final String EDIT_BLOCKS = "the SEARCH/REPLACE blocks asked for";

    private AnswerReader() {}

    /** The object read from a reply, or the problem to tell the model; {@code cutOff} when it hit the output limit. */
    public record Answer(ObjectNode json, String problem, boolean cutOff) {
        public boolean readable() {
            return json != null;
        }
    }

    /**
     * Reads the reply's object, preferring one that has one of {@code expectedKeys} when the text holds several; the
     * arguments of a tool call are the answer when the text holds no object.
     */
    public static Answer read(ModelReply reply, String... expectedKeys) {
        String text = reply.text() == null ? "" : reply.text();
        boolean edits = List.of(expectedKeys).contains(EDITS);
        String asked = edits ? EDIT_BLOCKS : JSON_OBJECT;
        if (reply.refused()) {
            return problem("Your reply was a refusal (" + quote(text) + "). Answer with " + asked
                    + "; if part of the step cannot be done, say so in it.");
        }
        if (edits && EditBlocks.present(text)) {
            return blocks(reply, text);
        }
        Found found = text.isBlank() ? new Found(null, "no text") : find(text, expectedKeys);
        if (found.object == null && reply.toolArguments() != null) {
            found = find(reply.toolArguments(), expectedKeys);
            if (found.object == null && text.isBlank()) {
                return problem("You answered with a tool call whose arguments are not the answer. Call no tool;"
                        + " answer in text with " + asked + ".");
            }
        }
        if (found.object != null) {
            return new Answer(found.object, null, false);
        }
        return unreadable(reply, text, found.error, asked);
    }

    /** Edit blocks are used only when the reply was complete: a cut-off reply may have lost blocks after the last one. */
    private static Answer blocks(ModelReply reply, String text) {
        if (reply.cutOff()) {
            return cutOff();
        }
        EditBlocks.Read read = EditBlocks.read(text);
        return read.problem() == null ? new Answer(read.answer(), null, false)
                : problem(read.problem() + " Answer again with every edit as a complete block.");
    }

    private static Answer unreadable(ModelReply reply, String text, String error, String asked) {
        if (reply.cutOff()) {
            return cutOff();
        }
        if (text.isBlank()) {
            return problem("Your reply had no text (the model stopped: " + reply.finishReason()
                    + "). Answer in text with " + asked + ".");
        }
        String why = text.indexOf('{') < 0 ? "it is prose: " + quote(text) : error;
        String holds = asked.equals(JSON_OBJECT) ? "no valid JSON object" : "no edit blocks and no valid JSON object";
        return problem("Your answer holds " + holds + " (" + why + "). Answer with " + asked + ".");
    }

    /** The reply as the assistant's turn of a conversation; never empty, which providers refuse. */
    public static String asTurn(ModelReply reply) {
        if (reply.text() != null && !reply.text().isBlank()) {
            return reply.text();
        }
        return reply.toolArguments() != null ? reply.toolArguments() : "(no text)";
    }

    /** What a final failure after cut-off answers says, so that the operator knows which limit to raise. */
    public static String cutOffAdvice(ModelSettings settings) {
        return cutOffAdvice(settings, settings);
    }

    /** As {@link #cutOffAdvice(ModelSettings)}, naming also the raised limit the last tries had. */
    public static String cutOffAdvice(ModelSettings configured, ModelSettings last) {
        String raised = Objects.equals(configured.maxOutputTokens(), last.maxOutputTokens()) ? ""
                : " (and at " + last.maxOutputTokens() + " on a retry)";
        return "the answers were cut off at the output limit of " + configured.maxOutputTokens() + " tokens" + raised
                + "; raise --max-output-tokens or split the task";
    }

    /** The most output tokens a retry after a cut-off answer asks for. */
    public static final int RAISED_LIMIT_CAP = 32_768;

    /**
     * The settings for the tries after the first cut-off answer: the output limit doubled (at most
     * {@link #RAISED_LIMIT_CAP}, never lower than configured); the same settings when the limit is the provider's default.
     */
    public static ModelSettings raisedLimit(ModelSettings settings) {
        Integer limit = settings.maxOutputTokens();
        if (limit == null) {
            return settings;
        }
        int raised = Math.max(limit, Math.min(RAISED_LIMIT_CAP, limit * 2));
        return new ModelSettings(settings.temperature(), settings.seed(), raised);
    }

    private static Answer cutOff() {
        return new Answer(null, "Your answer was cut off at the output limit before it ended. Answer again with a"
                + " shorter answer: fewer edits or steps, only the lines that change, no text around the answer.", true);
    }

    private static Answer problem(String problem) {
        return new Answer(null, problem, false);
    }

    private record Found(ObjectNode object, String error) {}

    private static Found find(String text, String... expectedKeys) {
        ObjectNode first = null;
        String error = null;
        for (String candidate : candidates(text)) {
            try {
                JsonNode node = LENIENT.readTree(candidate);
                if (node instanceof ObjectNode object) {
                    if (expectedKeys.length == 0 || hasAny(object, expectedKeys)) {
                        return new Found(object, null);
                    }
                    first = first == null ? object : first;
                }
            } catch (JsonProcessingException e) {
                error = error == null ? firstLine(e) : error;
            }
        }
        return new Found(first, error == null ? "no object found" : error);
    }

    /** The whole text, then each fenced block, then the text from each of the first opening braces. */
    private static List<String> candidates(String text) {
        List<String> candidates = new ArrayList<>();
        candidates.add(text.strip());
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            candidates.add(fence.group(1));
        }
        for (int at = text.indexOf('{'), n = 0; at >= 0 && n < MAX_STARTS; at = text.indexOf('{', at + 1), n++) {
            candidates.add(text.substring(at));
        }
        return candidates;
    }

    private static boolean hasAny(ObjectNode object, String... keys) {
        for (String key : keys) {
            if (object.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** The start of a reply, quoted on one line. */
    private static String quote(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return "\"" + (line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line) + "\"";
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
