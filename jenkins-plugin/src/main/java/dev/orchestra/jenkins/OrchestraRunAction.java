package dev.orchestra.jenkins;

import dev.orchestra.jenkins.report.RunSummary;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/** The build page's Orchestra summary: one entry per run the build drove (several for a parallel batch). */
public final class OrchestraRunAction implements RunAction2 {
    private final List<RunSummary> runs = new ArrayList<>();
    private transient Run<?, ?> build;

    /** Adds or replaces the summary of one run, and saves the build. */
    static void record(Run<?, ?> build, RunSummary summary) throws IOException {
        synchronized (OrchestraRunAction.class) {
            OrchestraRunAction action = build.getAction(OrchestraRunAction.class);
            if (action == null) {
                action = new OrchestraRunAction();
                build.addAction(action);
            }
            action.put(summary);
        }
        build.save();
    }

    private synchronized void put(RunSummary summary) {
        runs.removeIf(existing -> existing.getRunId().equals(summary.getRunId()));
        runs.add(summary);
    }

    public synchronized List<RunSummary> getRuns() {
        return new ArrayList<>(runs);
    }

    /** The build, for links to its artifacts. */
    public Run<?, ?> getBuild() {
        return build;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        build = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        build = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Orchestra";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
