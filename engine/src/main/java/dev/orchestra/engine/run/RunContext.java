package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.policy.PatchPolicy;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.WorkingTree;
import java.nio.file.Path;

/**
 * What every phase of a run works with: the repository, the run folders, the agents, the plan loader
 * (for edited plans), the planner model (null when the run has no model), where progress goes, the
 * spend ledger every model call and fix iteration goes through, the policy every patch is checked against, the
 * redactor that keeps secrets out of everything the run writes, and the sandbox command agents run in.
 */
public record RunContext(WorkingTree tree, RunStore store, AgentRegistry agents, WorkflowLoader loader,
                         ModelPlanner planner, Path copiesDir, RunListener listener, SpendLedger ledger,
                         PatchPolicy policy, SecretRedactor redactor, Sandbox sandbox) {

    public Path runDir(RunState state) {
        return store.runDir(state.runId());
    }

    /** A progress line, redacted and without control characters (it may quote the model, an agent or a file name). */
    public void progress(String line) {
        listener.progress(safe(line));
    }

    /** The running steps' status line, made safe like {@link #progress}. */
    public void board(String line) {
        listener.board(safe(line));
    }

    private String safe(String line) {
        return redactor.redact(ControlCharacters.strip(line));
    }
}
