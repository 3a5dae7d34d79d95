package dev.orchestra.engine.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.engine.json.CleanJson;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.metrics.RunMetrics;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.ValidationRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes a run's bundle: the patch series, {@code bundle.json}, {@code SUMMARY.md}, the JUnit reports,
 * {@code metrics.json}, the transcript and the HTML report. The bundle is built beside its final place
 * and renamed into it, so a crash never leaves a half bundle that looks complete.
 */
public final class BundleWriter {
    private static final ObjectMapper JSON = Json.MAPPER;
    private final SecretRedactor redactor;

    /** A writer whose bundle holds no secret {@code redactor} knows and no control character. */
    public BundleWriter(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    /** A writer that redacts the well-known key shapes only. */
    public BundleWriter() {
        this(SecretRedactor.fromEnvironment(Map.of()));
    }

    /**
     * Writes (or replaces) the bundle of {@code state} at {@code bundleDir}; returns bundleDir. Everything but the
     * patches is written from a copy of the state with secrets redacted and control characters stripped.
     */
    public Path write(RunState runState, Repository repo, Path runDir, Path bundleDir) throws IOException {
        RunState state = CleanJson.forHumans(runState, RunState.class, redactor::redact);
        Path tmp = Folders.sibling(bundleDir, ".tmp");
        Folders.delete(tmp);
        Files.createDirectories(tmp);
        String head = headCommit(runState, repo);
        Map<String, String> patchByCommit = patches(runState, repo, head, tmp);
        copyReports(runDir, state.baseline(), "tests/baseline", tmp);
        copyReports(runDir, state.validation(), "tests/final", tmp);
        copyTranscript(runDir, tmp);
        RunMetrics metrics = RunMetrics.from(state);
        BundleManifest manifest = BundleManifest.of(state, head, patchByCommit);
        Files.write(tmp.resolve("bundle.json"), JSON.writeValueAsBytes(manifest));
        Files.write(tmp.resolve("metrics.json"), JSON.writeValueAsBytes(metrics));
        Files.writeString(tmp.resolve("SUMMARY.md"), SummaryWriter.render(manifest, metrics));
        new ReportRenderer().render(manifest, metrics, tmp);
        Folders.replace(tmp, bundleDir);
        return bundleDir;
    }

    /** The tip of the run branch, or the base when the branch does not exist (nothing landed). */
    private static String headCommit(RunState state, Repository repo) throws IOException {
        ObjectId head = state.runBranch() == null ? null : repo.resolve("refs/heads/" + state.runBranch());
        return head == null ? state.baseCommit() : head.name();
    }

    /** Writes the series; maps each commit to its bundle-relative patch file. */
    private static Map<String, String> patches(RunState state, Repository repo, String head, Path bundle)
            throws IOException {
        Path folder = Files.createDirectories(bundle.resolve("patches"));
        Map<String, String> byCommit = new TreeMap<>();
        if (state.baseCommit() == null) {
            return byCommit;
        }
        List<Path> files = new PatchSeries(repo).write(state.baseCommit(), head, folder);
        for (Path file : files) {
            String firstLine = Files.readAllLines(file).get(0);
            byCommit.put(firstLine.split(" ")[1], "patches/" + file.getFileName());
        }
        return byCommit;
    }

    /** Copies a validation's JUnit copies (its reportsDir, else the default folder) into the bundle. */
    private static void copyReports(Path runDir, ValidationRecord record, String name, Path bundle) throws IOException {
        Path source = record != null && record.reportsDir != null ? runDir.resolve(record.reportsDir) : runDir.resolve(name);
        if (Files.isDirectory(source)) {
            Folders.copy(source, bundle.resolve(name));
        }
    }

    private static void copyTranscript(Path runDir, Path bundle) throws IOException {
        Path transcript = runDir.resolve("transcript.jsonl");
        if (Files.isRegularFile(transcript)) {
            Files.copy(transcript, bundle.resolve("transcript.jsonl"));
        } else {
            Files.createFile(bundle.resolve("transcript.jsonl"));
        }
    }
}
