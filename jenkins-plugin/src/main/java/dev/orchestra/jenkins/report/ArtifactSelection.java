package dev.orchestra.jenkins.report;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which files of a run the build archives, and under which names: {@code orchestra/<run-id>/plan.md} always, and
 * every file of the bundle under {@code orchestra/<run-id>/bundle/} once the bundle exists.
 */
public final class ArtifactSelection {
    private ArtifactSelection() {}

    /** The run's folder, relative to the repository the step runs in. */
    public static String runDir(String runId) {
        return ".orchestra/runs/" + runId;
    }

    /** Where a run's artifacts go, relative to the build's artifacts. */
    public static String artifactDir(String runId) {
        return "orchestra/" + runId;
    }

    /** The report's path among the build's artifacts. */
    public static String reportArtifact(String runId) {
        return artifactDir(runId) + "/bundle/report.html";
    }

    /**
     * Artifact name to path relative to the repository.
     *
     * @param planExists whether {@code plan.md} exists in the run folder
     * @param bundleFiles the bundle's files, relative to the bundle folder ({@code /}-separated); empty when none
     */
    public static Map<String, String> artifacts(String runId, boolean planExists, Collection<String> bundleFiles) {
        Map<String, String> artifacts = new TreeMap<>();
        if (planExists) {
            artifacts.put(artifactDir(runId) + "/plan.md", runDir(runId) + "/plan.md");
        }
        for (String file : bundleFiles) {
            String relative = file.replace('\\', '/');
            if (relative.startsWith("/") || relative.startsWith("../") || relative.contains("/../")) {
                continue;
            }
            artifacts.put(artifactDir(runId) + "/bundle/" + relative, runDir(runId) + "/bundle/" + relative);
        }
        return artifacts;
    }
}
