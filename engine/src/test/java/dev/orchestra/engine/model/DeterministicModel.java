package dev.orchestra.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A model that answers from a fixed list of replies, in order, and keeps every request: for tests of
 * the logic around model calls (edit retries, plan repairs). Wire formats are tested separately
 * against the scripted model server.
 */
public final class DeterministicModel implements ModelClient {
    private final Deque<ModelReply> replies = new ArrayDeque<>();
    private final List<ModelRequest> requests = new ArrayList<>();

    public DeterministicModel(String... replies) {
        List.of(replies).forEach(text -> this.replies.add(reply(text)));
    }

    private DeterministicModel(List<ModelReply> replies) {
        this.replies.addAll(replies);
    }

    /** A model giving these whole replies: no text, tool calls, cut-off answers. */
    public static DeterministicModel replying(ModelReply... replies) {
        return new DeterministicModel(List.of(replies));
    }

    /** A reply in text, stopped normally. */
    public static ModelReply reply(String text) {
        return new ModelReply(text, 100, 20, "stop", "deterministic");
    }

    /** A reply cut off at the output limit. */
    public static ModelReply cutOff(String text) {
        return new ModelReply(text, 100, 20, "length", "deterministic");
    }

    /** A reply with no text: only a tool call with these arguments, or nothing when they are null. */
    public static ModelReply noText(String toolArguments) {
        return new ModelReply(null, 100, 20, toolArguments == null ? "stop" : "tool_execution", "deterministic",
                toolArguments);
    }

    @Override
    public synchronized ModelReply complete(ModelRequest request) throws ModelException {
        requests.add(request);
        if (replies.isEmpty()) {
            throw new ModelException("deterministic", 0, false, -1, "deterministic: no reply left for " + request.correlationId(), null);
        }
        return replies.removeFirst();
    }

    public synchronized List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    /** Everything the model was told in a request, for assertions. */
    public static String text(ModelRequest request) {
        StringBuilder text = new StringBuilder(request.system());
        request.messages().forEach(m -> text.append('\n').append(m.text()));
        return text.toString();
    }
}
