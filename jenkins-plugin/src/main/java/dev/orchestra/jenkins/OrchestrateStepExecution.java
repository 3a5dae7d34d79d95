package dev.orchestra.jenkins;

import dev.orchestra.jenkins.report.ArtifactSelection;
import dev.orchestra.jenkins.run.BadStepArgumentException;
import dev.orchestra.jenkins.run.CliOutput;
import dev.orchestra.jenkins.run.NextMove;
import dev.orchestra.jenkins.run.PhaseDriver;
import dev.orchestra.jenkins.run.StepArguments;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs one phase: command-line calls in a background thread (never on the CPS VM thread), the body through
 * {@link org.jenkinsci.plugins.workflow.steps.BodyInvoker} whenever the run waits for validation, as
 * {@code retry} re-invokes its body. A controller restart while a call runs fails the step
 * ({@link GeneralNonBlockingStepExecution#onResume}); while the body runs, the body resumes and the step goes on.
 */
final class OrchestrateStepExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private final transient OrchestrateStep step;
    private StepArguments args;
    private PhaseDriver driver;
    private String credentialsId;

    OrchestrateStepExecution(StepContext context, OrchestrateStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        run(this::begin);
        return false;
    }

    private void begin() throws Exception {
        Run<?, ?> build = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        OrchestraConfiguration config = OrchestraConfiguration.get();
        credentialsId = StepArguments.firstGiven(step.getCredentialsId(), config.getCredentialsId());
        try {
            args = StepInputs.arguments(step, config, build, getContext().hasBody(), credentialsId != null);
        } catch (BadStepArgumentException e) {
            throw new AbortException("orchestrate: " + e.getMessage());
        }
        FilePath temp = WorkspaceList.tempDir(workspace); // null for a workspace at the root of a file system
        if (temp == null) {
            throw new AbortException("orchestrate: the workspace " + workspace.getRemote() + " has no parent folder for "
                    + "temporary files; use a workspace below the agent's root");
        }
        FilePath files = temp.child("orchestra-" + args.runId());
        driver = new PhaseDriver(args, StepInputs.taskFile(step, files), StepInputs.pricesFile(config, files),
                StepInputs.editedPlanFile(step, files));
        boolean exists = workspace.child(ArtifactSelection.runDir(args.runId())).child("state.json").exists();
        follow(driver.first(exists));
    }

    /** Follows the driver's moves until the body must run or the phase ends. */
    private void follow(NextMove move) throws Exception {
        OrchestraCli cli = null;
        CliOutput last = null;
        while (move instanceof NextMove.RunCli call) {
            if (cli == null) {
                cli = new OrchestraCli(getContext().get(FilePath.class), getContext().get(Launcher.class),
                        getContext().get(TaskListener.class), getContext().get(EnvVars.class),
                        ApiKeyCredentials.resolve(credentialsId, getContext().get(Run.class)));
            }
            last = cli.call(call.arguments());
            move = driver.afterCli(last);
        }
        if (move instanceof NextMove.RunBody) {
            getContext().get(TaskListener.class).getLogger().println("orchestrate: running the validation hook (the step's body)");
            getContext().newBodyInvoker().withCallback(new BodyDone()).start();
        } else if (move instanceof NextMove.Finish finish) {
            record(finish.output());
            if (finish.unstable()) {
                getContext().get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(finish.message()));
                getContext().get(Run.class).setResult(Result.UNSTABLE);
            }
            if (finish.message() != null) {
                getContext().get(TaskListener.class).getLogger().println((finish.unstable() ? "WARNING: " : "orchestrate: ")
                        + finish.message());
            }
            getContext().onSuccess(finish.output().stepResult());
        } else if (move instanceof NextMove.Fail fail) {
            record(fail.output());
            getContext().onFailure(new AbortException(fail.message()));
        }
    }

    private void record(CliOutput output) throws IOException, InterruptedException {
        if (output != null && output.hasJson()) {
            new BuildRecorder(getContext().get(Run.class), getContext().get(FilePath.class),
                    getContext().get(Launcher.class), getContext().get(TaskListener.class))
                    .record(args.runId(), args.phase().argument(), output);
        }
    }

    /** Hands the body's outcome back to the run, in a background thread again. */
    private final class BodyDone extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            run(() -> follow(driver.afterBody(true)));
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            if (t instanceof FlowInterruptedException) {
                context.onFailure(t);
                return;
            }
            run(() -> {
                context.get(TaskListener.class).getLogger().println("orchestrate: the validation hook failed: " + t.getMessage());
                follow(driver.afterBody(false));
            });
        }
    }
}
