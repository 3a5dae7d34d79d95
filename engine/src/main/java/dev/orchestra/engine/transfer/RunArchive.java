package dev.orchestra.engine.transfer;

import java.util.List;
import java.util.Map;

/**
 * The file {@code orchestra export} writes and {@code orchestra import} reads: a zip holding {@code manifest.json}
 * (this record), {@code refs.bundle} (a git bundle of the run's refs, with the base commit as its prerequisite) and
 * the run folder under {@code run/}. It carries a run from one clone to another, e.g. between two {@code node}
 * blocks of a Jenkins Pipeline.
 *
 * @param format the archive's format version, {@link #FORMAT}
 * @param runId the run the archive holds
 * @param baseCommit the commit the run started from: the clone that imports must have it
 * @param refs every ref of the run (its branch and {@code refs/orchestra/<run-id>/...}) and its commit
 */
public record RunArchive(int format, String runId, String baseCommit, Map<String, String> refs) {
    /** The only format this Orchestra writes and reads. */
    public static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    static final String BUNDLE = "refs.bundle";
    static final String RUN = "run/";

    /** The refs a run owns: {@code refs/heads/orchestra/<id>} and everything under {@code refs/orchestra/<id>/}. */
    static List<String> refPrefixes(String runId) {
        return List.of("refs/heads/orchestra/" + runId, "refs/orchestra/" + runId + "/");
    }

    static boolean ownedBy(String runId, String ref) {
        return ref.equals(refPrefixes(runId).get(0)) || ref.startsWith(refPrefixes(runId).get(1));
    }
}
