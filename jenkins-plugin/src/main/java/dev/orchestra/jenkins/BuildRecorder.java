package dev.orchestra.jenkins;

import dev.orchestra.jenkins.report.ArtifactSelection;
import dev.orchestra.jenkins.report.RunSummary;
import dev.orchestra.jenkins.run.CliOutput;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/** Archives a run's plan and bundle through the build's artifact manager and updates the build page's summary. */
final class BuildRecorder {
    private final Run<?, ?> build;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;

    BuildRecorder(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener) {
        this.build = build;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
    }

    void record(String runId, String phase, CliOutput output) throws IOException, InterruptedException {
        FilePath runDir = workspace.child(ArtifactSelection.runDir(runId));
        FilePath bundle = runDir.child("bundle");
        List<String> bundleFiles = new ArrayList<>();
        String bundleJson = null;
        if (bundle.isDirectory()) {
            String prefix = bundle.getRemote();
            for (FilePath file : bundle.list("**/*")) {
                bundleFiles.add(file.getRemote().substring(prefix.length() + 1));
            }
            FilePath json = bundle.child("bundle.json");
            bundleJson = json.exists() ? json.readToString() : null;
        }
        Map<String, String> artifacts = ArtifactSelection.artifacts(runId, runDir.child("plan.md").exists(), bundleFiles);
        if (!artifacts.isEmpty()) {
            build.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
        }
        OrchestraRunAction.record(build, RunSummary.of(runId, phase, output, bundleJson,
                bundleFiles.contains("report.html")));
    }
}
