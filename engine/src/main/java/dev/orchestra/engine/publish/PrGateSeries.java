package dev.orchestra.engine.publish;

import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * What the pr gate shows of the patch series: its hash, recorded in {@code gates/pr.series.json} each time the gate
 * is asked, so that a push after the approval can prove it pushes the series that was approved.
 */
public final class PrGateSeries {
    static final String FILE = "pr.series.json";

    private PrGateSeries() {}

    /**
     * Records the series of the run branch as it stands (in {@code runDir}) and returns the line the gate shows about it.
     */
    public static String shown(Repository repository, Path runDir, RunState state) {
        SeriesHash.Hash hash = SeriesHash.of(repository, state.baseCommit(), state.branchHead());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("head", state.branchHead());
        record.put("sha256", hash.sha256());
        record.put("patches", hash.patches());
        try {
            Path gates = Files.createDirectories(runDir.resolve("gates"));
            Json.write(gates.resolve(FILE), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "Patch series: " + hash.patches() + " patch(es), sha256 " + hash.sha256()
                + " (a push after approval pushes exactly this)";
    }

    /** The series shown at the pr gate, or null when the gate was never asked. */
    static Map<String, Object> read(Path runDir) {
        Path file = runDir.resolve("gates").resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = Json.read(file, Map.class);
            return record;
        } catch (IOException e) {
            return null;
        }
    }
}
