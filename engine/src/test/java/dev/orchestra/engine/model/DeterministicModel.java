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
    private final Deque<String> replies = new ArrayDeque<>();
    private final List<ModelRequest> requests = new ArrayList<>();

    public DeterministicModel(String... replies) {
        this.replies.addAll(List.of(replies));
    }

    @Override
    public synchronized ModelReply complete(ModelRequest request) throws ModelException {
        requests.add(request);
        if (replies.isEmpty()) {
            throw new ModelException("deterministic", 0, false, -1, "deterministic: no reply left for " + request.correlationId(), null);
        }
        return new ModelReply(replies.removeFirst(), 100, 20, "stop", "deterministic");
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
