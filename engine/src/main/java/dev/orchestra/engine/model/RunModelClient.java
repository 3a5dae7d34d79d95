package dev.orchestra.engine.model;

/**
 * Gives every request of one run its full correlation id: agents name {@code step/attempt}, this
 * prefixes the run id, so the transcript reads {@code run/step/attempt}.
 */
public final class RunModelClient implements ModelClient {
    private final String runId;
    private final ModelClient delegate;

    public RunModelClient(String runId, ModelClient delegate) {
        this.runId = runId;
        this.delegate = delegate;
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        return delegate.complete(new ModelRequest(runId + "/" + request.correlationId(), request.system(),
                request.messages(), request.responseSchema(), request.schemaName(), request.settings()));
    }
}
