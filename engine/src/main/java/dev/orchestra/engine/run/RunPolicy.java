package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.policy.Policy;
import dev.orchestra.engine.state.RunState;

/** The policy one step's patch is checked against: the run's write scope and allowances, the step's files. */
final class RunPolicy {
    private RunPolicy() {}

    static Policy of(RunState state, Step step) {
        return Policy.defaults().withWriteScope(state.request().writeScope()).withAllowProtected(state.request().allowProtected())
                .withStepScope(step.scope());
    }
}
