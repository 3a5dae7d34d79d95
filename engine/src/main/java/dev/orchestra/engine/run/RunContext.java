package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.budget.BudgetMeter;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.policy.PatchPolicy;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.WorkingTree;
import java.nio.file.Path;

/**
 * What every phase of a run works with: the repository, the run folders, the agents, the plan loader
 * (for edited plans), the planner model (null when the run has no model), where progress goes, the
 * budget meter every model call draws from, the policy every patch is checked against, the
 * redactor that keeps secrets out of logs, and the sandbox command agents run in.
 */
public record RunContext(WorkingTree tree, RunStore store, AgentRegistry agents, WorkflowLoader loader,
                         ModelPlanner planner, Path copiesDir, RunListener listener, BudgetMeter meter,
                         PatchPolicy policy, SecretRedactor redactor, Sandbox sandbox) {

    public Path runDir(RunState state) {
        return store.runDir(state.runId);
    }

    public void progress(String line) {
        listener.progress(line);
    }
}
