package dev.orchestra.engine.agent;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.AgentCatalog;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.sandbox.Sandbox;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agents a plan may name, by name: checks steps before a run and builds the agent for each step. */
public final class AgentRegistry implements AgentCatalog {
    private final Map<String, AgentFactory> factories = new LinkedHashMap<>();

    /** A registry with the tool agents ({@code command}, {@code openrewrite}, {@code static-analysis}), no sandbox. */
    public static AgentRegistry withToolAgents(MavenLocator maven) {
        return withToolAgents(maven, Sandbox.off());
    }

    /** The same, with command agents running inside {@code sandbox}. */
    public static AgentRegistry withToolAgents(MavenLocator maven, Sandbox sandbox) {
        return new AgentRegistry()
                .register(CommandAgent.factory(sandbox))
                .register(OpenRewriteAgent.factory(maven))
                .register(StaticAnalysisAgent.factory(maven));
    }

    /** Adds a kind of agent; a second factory with the same name replaces the first. */
    public AgentRegistry register(AgentFactory factory) {
        factories.put(factory.name(), factory);
        return this;
    }

    /** A registry with the same agents, to which more can be added without changing this one. */
    public AgentRegistry copy() {
        AgentRegistry copy = new AgentRegistry();
        copy.factories.putAll(factories);
        return copy;
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(factories.keySet()));
    }

    @Override
    public List<String> problems(Step step) {
        AgentFactory factory = factories.get(step.agent());
        return factory == null ? List.of(unknownAgent(step)) : factory.problems(step);
    }

    /** The agent that does this step; an unknown agent or bad parameters are a BadInputException. */
    public Agent create(Step step) {
        AgentFactory factory = factories.get(step.agent());
        if (factory == null) {
            throw new BadInputException(unknownAgent(step));
        }
        List<String> unknown = factory.unknownParameters(step);
        if (!unknown.isEmpty()) {
            throw new BadInputException(unknown.get(0));
        }
        return factory.create(step); // a missing or ill-typed parameter is its own one-line BadInputException
    }

    private String unknownAgent(Step step) {
        return "step '" + step.id() + "': unknown agent '" + step.agent() + "' (known: "
                + String.join(", ", factories.keySet()) + ")";
    }
}
