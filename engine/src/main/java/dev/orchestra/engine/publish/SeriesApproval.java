package dev.orchestra.engine.publish;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * An approval at the pr gate that names the patch series it approves ({@code resume --approve --series SHA256}): it
 * counts only when the series the gate showed, and the series on the run branch now, are that one.
 */
public final class SeriesApproval {
    private SeriesApproval() {}

    /** Refuses (bad input) unless {@code given} (12 to 64 hex digits) is the series the pr gate showed and still holds. */
    public static void require(Repository repo, Path runDir, RunState state, String given) {
        String prefix = given.toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{12,64}")) {
            throw new BadInputException("--series " + given + ": 12 to 64 hex digits of the sha256 the pr gate showed");
        }
        if (state.status() != RunStatus.WAITING_GATE || !Gate.PR.is(state.waitingFor())) {
            throw new BadInputException("--series approves the pr gate, but run " + state.runId() + " does not wait there");
        }
        Map<String, Object> shown = PrGateSeries.read(runDir);
        String shownHash = shown == null ? "" : String.valueOf(shown.get("sha256"));
        String now = SeriesHash.of(repo, state.baseCommit(), state.branchHead()).sha256();
        if (!shownHash.startsWith(prefix) || !now.startsWith(prefix)) {
            throw new BadInputException("--series " + given + ": the pr gate of run " + state.runId() + " shows patch series "
                    + now.substring(0, 12) + ", not the one approved; review it again (orchestra status --run-id "
                    + state.runId() + "); nothing was approved");
        }
    }
}
