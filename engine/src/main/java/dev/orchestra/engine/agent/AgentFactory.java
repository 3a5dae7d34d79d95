package dev.orchestra.engine.agent;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Step;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Makes one kind of agent from a plan step: its name, the parameters it knows, and how to build it. */
public interface AgentFactory {
    /** The name a step's {@code agent} field uses. */
    String name();

    /** The {@code with:} parameters this agent understands. */
    Set<String> parameters();

    /** Builds the agent for the step; a missing or ill-typed parameter is a one-line BadInputException. */
    Agent create(Step step);

    /** The step's parameters this agent does not know, one message each. */
    default List<String> unknownParameters(Step step) {
        return step.with().keySet().stream().filter(k -> !parameters().contains(k)).sorted()
                .map(k -> "step '" + step.id() + "' (" + name() + "): unknown parameter '" + k
                        + "' (known: " + String.join(", ", parameters().stream().sorted().toList()) + ")")
                .toList();
    }

    /** What is wrong with the step's parameters; empty when it can be built. */
    default List<String> problems(Step step) {
        List<String> unknown = unknownParameters(step);
        if (!unknown.isEmpty()) {
            return unknown;
        }
        try {
            create(step);
            return List.of();
        } catch (BadInputException e) {
            return List.of(e.getMessage());
        }
    }

    /** A factory from a name, its parameters and a constructor function. */
    static AgentFactory of(String name, Set<String> parameters, Function<Step, Agent> create) {
        return new AgentFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> parameters() {
                return Set.copyOf(parameters);
            }

            @Override
            public Agent create(Step step) {
                return create.apply(step);
            }
        };
    }
}
