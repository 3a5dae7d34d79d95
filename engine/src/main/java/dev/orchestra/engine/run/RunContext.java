package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.WorkingTree;
import java.nio.file.Path;

/**
 * What every phase of a run works with: the repository, the run folders, the agents, the plan loader
 * (for edited plans), the planner model (null when the run has no model) and where progress goes.
 */
public record RunContext(WorkingTree tree, RunStore store, AgentRegistry agents, WorkflowLoader loader,
                         ModelPlanner planner, Path copiesDir, RunListener listener) {

    public Path runDir(RunState state) {
        return store.runDir(state.runId);
    }

    public void progress(String line) {
        listener.progress(line);
    }
}
