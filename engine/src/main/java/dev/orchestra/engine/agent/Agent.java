package dev.orchestra.engine.agent;

/**
 * Anything that can do one step: it works only inside {@link AgentTask#workdir()}, an isolated copy
 * of the run branch, and reports what it did. The engine takes the copy's diff as the step's patch;
 * an agent never touches the run branch.
 */
public interface Agent {
    /** Does the step. Failures of the work itself are a FAILED result, not an exception. */
    AgentResult run(AgentTask task) throws InterruptedException;

    /**
     * The files the agent needs in its copy, when it can name them (model agents); null means the
     * whole tree (tools that build the project). Fewer files make a cheaper copy.
     */
    default java.util.List<String> filesNeeded() {
        return null;
    }
}
