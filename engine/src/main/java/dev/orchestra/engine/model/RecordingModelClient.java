package dev.orchestra.engine.model;

import java.time.Instant;

/**
 * Writes every call of the client it wraps, reply or failure, to the run's transcript. A reply without usage leaves
 * here with its tokens estimated (and marked so in the transcript), so every layer above counts the same tokens.
 */
public final class RecordingModelClient implements ModelClient {
    private final ModelClient delegate;
    private final TranscriptWriter transcript;
    private final String provider;
    private final String model;
    private final PriceTable prices;

    /** Records the calls of {@code delegate}, a client of the model {@code config} names. */
    public RecordingModelClient(ModelClient delegate, TranscriptWriter transcript, ModelConfig config) {
        this.delegate = delegate;
        this.transcript = transcript;
        this.provider = config.provider().id();
        this.model = config.model();
        this.prices = config.priceTable();
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        Instant start = Instant.now();
        long started = System.nanoTime();
        try {
            RetryingModelClient.Attempted attempted = delegate instanceof RetryingModelClient retrying
                    ? retrying.completeCounted(request)
                    : new RetryingModelClient.Attempted(delegate.complete(request), 1);
            ModelReply reply = attempted.reply().withUsageOrEstimate(request);
            transcript.append(call(request, start, started, attempted.attempts(),
                    new ModelCall.Response(reply.text(), reply.finishReason(), reply.model(), reply.toolArguments()), null,
                    new ModelCall.Usage(reply.inputTokens(), reply.outputTokens(), reply.usageEstimated())));
            return reply;
        } catch (ModelException failure) {
            int attempts = failure instanceof RetryingModelClient.GaveUp gaveUp ? gaveUp.attempts() : 1;
            transcript.append(call(request, start, started, attempts, null,
                    new ModelCall.Error(failure.getMessage(), failure.status(), failure.retriable()),
                    new ModelCall.Usage(0, 0)));
            throw failure;
        }
    }

    private ModelCall call(ModelRequest request, Instant start, long started, int attempts,
                           ModelCall.Response response, ModelCall.Error error, ModelCall.Usage usage) {
        long latency = (System.nanoTime() - started) / 1_000_000;
        return new ModelCall(request.correlationId(), "model", provider, model,
                new ModelCall.Request(request.system(), request.messages(), request.schemaName()),
                response, error, usage, latency,
                prices.cost(model, usage.inputTokens(), usage.outputTokens()), prices.knows(model),
                attempts - 1, start.toString());
    }
}
