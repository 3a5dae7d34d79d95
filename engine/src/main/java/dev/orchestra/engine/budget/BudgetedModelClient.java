package dev.orchestra.engine.budget;

import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelException;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.ModelRequest;
import java.util.Optional;

/**
 * Keeps a model within the run's budget: before each call it asks the {@link SpendLedger} and refuses with
 * {@link BudgetExhausted} (never retried) when a limit is used up; after each reply it records the tokens and their
 * cost. A run therefore stops at most one call past a token, cost or time limit, and never past the call limit.
 */
public final class BudgetedModelClient implements ModelClient {
    /** What a call cost, in US dollars: {@code PriceTable::cost} fits. */
    @FunctionalInterface
    public interface Pricing {
        double cost(String model, long inputTokens, long outputTokens);
    }

    private final ModelClient delegate;
    private final SpendLedger meter;
    private final Pricing pricing;

    public BudgetedModelClient(ModelClient delegate, SpendLedger meter, Pricing pricing) {
        this.delegate = delegate;
        this.meter = meter;
        this.pricing = pricing;
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        Optional<BudgetExhausted> refusal = meter.admitCall();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        try {
            ModelReply reply = delegate.complete(request);
            meter.record(request.correlationId(), reply.inputTokens(), reply.outputTokens(),
                    pricing.cost(reply.model(), reply.inputTokens(), reply.outputTokens()), reply.usageEstimated());
            return reply;
        } finally {
            meter.endCall();
        }
    }
}
