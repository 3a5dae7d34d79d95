package dev.orchestra.jenkins;

import dev.orchestra.jenkins.run.CliCommands;
import dev.orchestra.jenkins.run.CliOutput;
import dev.orchestra.jenkins.run.StepArguments;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.flow.StashManager;

/**
 * Carries a run between {@code node} blocks, so that each {@code input} waits with no executor held: a call that
 * leaves the run for a later call exports it ({@code orchestra export}) into the build's stash
 * {@code orchestra-<run-id>}; every call first imports that stash when the build has one ({@code orchestra import}),
 * on whichever agent it runs. The stash is the state the last call left, so a call on a reused workspace never
 * continues from an older copy.
 */
final class RunStash {
    private static final String FILE = "run.orchestra";

    private final StepArguments args;
    private final Run<?, ?> build;
    private final FilePath folder;
    private final Launcher launcher;
    private final EnvVars env;
    private final TaskListener listener;

    RunStash(StepArguments args, Run<?, ?> build, FilePath runFiles, Launcher launcher, EnvVars env, TaskListener listener) {
        this.args = args;
        this.build = build;
        this.folder = runFiles.child("stash");
        this.launcher = launcher;
        this.env = env;
        this.listener = listener;
    }

    /** Whether a later call continues the run: it waits at a gate, or escalated (finalize may still be asked). */
    static boolean carries(CliOutput output) {
        return "waiting_gate".equals(output.status()) || "escalated".equals(output.status());
    }

    String name() {
        return "orchestra-" + args.runId();
    }

    /** Imports the run from the build's stash, when there is one. */
    void bringIn(OrchestraCli cli) throws IOException, InterruptedException {
        folder.mkdirs();
        try {
            StashManager.unstash(build, name(), folder, launcher, env, listener);
        } catch (AbortException noStash) {
            return;
        }
        CliOutput imported = cli.call(CliCommands.importFrom(folder.child(FILE).getRemote()));
        if (imported.exitCode() != 0) {
            throw new AbortException("orchestrate: the run carried from the previous node block cannot be used here: "
                    + imported.why());
        }
    }

    /** Exports the run into the build's stash, replacing the previous call's. */
    void keep(OrchestraCli cli) throws IOException, InterruptedException {
        folder.mkdirs();
        CliOutput exported = cli.call(new CliCommands(args).export(folder.child(FILE).getRemote()));
        if (exported.exitCode() != 0) {
            throw new AbortException("orchestrate: the run could not be exported for the next node block: " + exported.why());
        }
        StashManager.stash(build, name(), folder, launcher, env, listener, FILE, null, false, false);
    }
}
