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
import hudson.remoting.Channel;
import hudson.slaves.WorkspaceList;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs one phase: command-line calls in a background thread (never on the CPS VM thread), the body through
 * {@link org.jenkinsci.plugins.workflow.steps.BodyInvoker} whenever the run waits for validation, as
 * {@code retry} re-invokes its body. The run travels between {@code node} blocks as a stash ({@link RunStash}). A
 * controller restart while a call runs fails the step ({@link GeneralNonBlockingStepExecution#onResume}); while the
 * body runs, the body resumes and the step goes on.
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
        OrchestraConfiguration config = OrchestraConfiguration.get();
        credentialsId = StepArguments.firstGiven(step.getCredentialsId(), config.getCredentialsId());
        try {
            args = StepInputs.arguments(step, config, build, getContext().hasBody(), credentialsId != null);
        } catch (BadStepArgumentException e) {
            throw new AbortException((getContext().hasBody() ? "orchestrateWithTests: " : "orchestrate: ") + e.getMessage());
        }
        FilePath files = runFiles();
        if (args.answeredGate() != null && step.getApprovedBy() == null) {
            log("orchestrate: WARNING: no approvedBy; the " + args.answeredGate() + " gate's approver is recorded as '"
                    + StepInputs.NOT_RECORDED + "' (pass the input step's submitterParameter)");
        }
        driver = new PhaseDriver(args, StepInputs.taskFile(step, files), StepInputs.pricesFile(config, files),
                StepInputs.editedPlanFile(step, files));
        runStash().bringIn(cli());
        FilePath workspace = getContext().get(FilePath.class);
        boolean exists = workspace.child(ArtifactSelection.runDir(args.runId())).child("state.json").exists();
        follow(driver.first(exists));
    }

    /** The step's files next to the workspace ({@code ws@tmp/orchestra-<run-id>}), where containers see them too. */
    private FilePath runFiles() throws IOException, InterruptedException {
        return tempDir().child("orchestra-" + args.runId());
    }

    private FilePath tempDir() throws IOException, InterruptedException {
        FilePath workspace = getContext().get(FilePath.class);
        FilePath temp = WorkspaceList.tempDir(workspace); // null for a workspace at the root of a file system
        if (temp == null) {
            throw new AbortException("orchestrate: the workspace " + workspace.getRemote() + " has no parent folder for "
                    + "temporary files; use a workspace below the agent's root");
        }
        return temp;
    }

    private OrchestraCli cli() throws IOException, InterruptedException {
        return new OrchestraCli(getContext().get(FilePath.class), tempDir(), getContext().get(Launcher.class),
                getContext().get(TaskListener.class), getContext().get(EnvVars.class),
                ApiKeyCredentials.resolve(credentialsId, getContext().get(Run.class)));
    }

    private RunStash runStash() throws IOException, InterruptedException {
        return new RunStash(args, getContext().get(Run.class), runFiles(), getContext().get(Launcher.class),
                getContext().get(EnvVars.class), getContext().get(TaskListener.class));
    }

    /** Follows the driver's moves until the body must run or the phase ends. */
    private void follow(NextMove move) throws Exception {
        OrchestraCli cli = null;
        while (move instanceof NextMove.RunCli call) {
            if (cli == null) {
                cli = cli();
            }
            move = driver.afterCli(cli.call(call.arguments()));
        }
        if (move instanceof NextMove.RunBody) {
            log("orchestrate: running the tests (the step's body)");
            getContext().newBodyInvoker().withCallback(new BodyDone()).start();
        } else if (move instanceof NextMove.Finish finish) {
            record(finish.output());
            if (RunStash.carries(finish.output())) {
                runStash().keep(cli == null ? cli() : cli);
            }
            if (finish.unstable()) {
                getContext().get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(finish.message()));
                getContext().get(Run.class).setResult(Result.UNSTABLE);
            }
            if (finish.message() != null) {
                log((finish.unstable() ? "WARNING: " : "orchestrate: ") + finish.message());
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

    private void log(String line) throws IOException, InterruptedException {
        getContext().get(TaskListener.class).getLogger().println(line);
    }

    /**
     * Hands the body's outcome back to the run, in a background thread again. Only the tests' own failure goes to
     * the run: an interruption (abort, {@code timeout}) ends the step as it is, and a lost agent fails it as the
     * infrastructure error it is, which {@code retry(conditions: [agent()])} retries.
     */
    private final class BodyDone extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            run(() -> follow(driver.afterBody(true)));
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            if (t instanceof FlowInterruptedException || Channel.isClosedChannelException(t)
                    || t instanceof MissingContextVariableException) {
                context.onFailure(t);
                return;
            }
            run(() -> {
                log("orchestrate: the tests failed: " + t.getMessage());
                follow(driver.afterBody(false));
            });
        }
    }
}
