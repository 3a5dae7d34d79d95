package dev.orchestra.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.CleanJson;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.state.LegacyState;
import dev.orchestra.engine.state.RunIds;
import dev.orchestra.engine.state.StateFields;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.trust.RunFolders;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.trust.StateSignature;
import dev.orchestra.engine.trust.TrackedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * The run folders of one repository: {@code .orchestra/runs/<run-id>/state.json}, written atomically, with every
 * secret the redactor knows replaced (model text and test output land in the state), and signed with the operator's
 * {@link RunKey}. A run is loaded only from a folder git does not track, and only when its signature shows that
 * Orchestra wrote it for this operator.
 */
public final class RunStore {
    /** The largest state.json read: far above any real run's, far below what could exhaust memory. */
    static final int MAX_STATE_BYTES = 64 * 1024 * 1024;
    private final Path runsDir;
    private final RunFolders folders;
    private final StateSignature signature;
    private final RunKey key;
    private final SecretRedactor redactor;

    /** The runs of {@code repoDir}, signed with {@code key}, their state redacted with {@code redactor}. */
    public RunStore(Path repoDir, Repository repository, RunKey key, SecretRedactor redactor) {
        this.runsDir = repoDir.resolve(".orchestra").resolve("runs");
        this.folders = new RunFolders(repoDir, new TrackedFiles(repository));
        this.signature = new StateSignature(key);
        this.key = key;
        this.redactor = redactor;
    }

    /** The runs of {@code repoDir}, signed with {@code key}, their state redacted of the well-known key shapes only. */
    public RunStore(Path repoDir, Repository repository, RunKey key) {
        this(repoDir, repository, key, SecretRedactor.fromEnvironment(java.util.Map.of()));
    }

    public Path runsDir() {
        return runsDir;
    }

    public Path runDir(String runId) {
        return runsDir.resolve(runId);
    }

    /** A new run id: UTC time plus a random suffix, e.g. {@code 20261123-170512-3fa2}. */
    public static String newRunId(Instant now) {
        return RunIds.newId(now);
    }

    /** Checks a user-given run id (see {@link RunIds#check}). */
    public static String checkRunId(String runId) {
        return RunIds.check(runId);
    }

    public boolean exists(String runId) {
        return Files.isRegularFile(runDir(runId).resolve("state.json"));
    }

    /** Refuses a new run whose folder exists already or could have come with the repository. */
    public void requireNew(String runId) {
        folders.requireFree(checkRunId(runId));
    }

    public void save(RunState state) {
        state.touched(Instant.now());
        folders.requireRealFolders(state.runId());
        try {
            String json = Json.MAPPER.writeValueAsString(CleanJson.tree(state, redactor::redact));
            Json.writeAtomically(runDir(state.runId()).resolve("state.json"),
                    signature.sign(state.runId(), json).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state of run " + state.runId(), e);
        }
    }

    /** The run's state; refused when its folder or file could have come from anywhere but this operator's Orchestra. */
    public RunState load(String runId) {
        Path file = runDir(checkRunId(runId)).resolve("state.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no run '" + runId + "' in " + runsDir);
        }
        folders.problem(runId).ifPresent(why -> {
            throw new RunRefusedException(runId, why);
        });
        String text = read(file);
        requireJson(file, text);
        if (!signature.verify(runId, text)) {
            throw new RunRefusedException(runId, "its state.json was not written by Orchestra with this operator's run key ("
                    + key.origin() + ")");
        }
        RunState state = parse(file, text);
        StateFields.requireComplete(state, file.toString());
        if (!runId.equals(state.runId())) {
            throw new BadInputException(file + ": holds run '" + state.runId() + "', not '" + runId + "'");
        }
        return state;
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_STATE_BYTES + 1);
            if (bytes.length > MAX_STATE_BYTES) {
                throw new BadInputException(file + ": larger than any run state (" + MAX_STATE_BYTES + " bytes)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": unreadable run state (" + e.getMessage() + ")");
        }
    }

    /** Refuses text that is not JSON at all (a damaged file), before its signature is checked. */
    private static void requireJson(Path file, String text) {
        try {
            Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(file, e);
        }
    }

    private static RunState parse(Path file, String text) {
        try {
            return Json.MAPPER.treeToValue(LegacyState.upgrade(Json.MAPPER.readTree(text)), RunState.class);
        } catch (JsonProcessingException e) {
            throw unreadable(file, e);
        }
    }

    private static BadInputException unreadable(Path file, JsonProcessingException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " at line " + e.getLocation().getLineNr();
        return new BadInputException(file + ": unreadable run state (not the JSON Orchestra writes" + where + ")");
    }

    /** One run folder as {@code status} lists it: the run, or why it is refused (not trusted) or unreadable. */
    public record Listed(String runId, RunState state, String problem, boolean refused) {
        public boolean trusted() {
            return state != null;
        }
    }

    /** Every run folder of the repository, oldest run first, then the refused and unreadable ones by name. */
    public List<Listed> list() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<Listed> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("state.json"))) {
                    runs.add(listed(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runs.sort(Comparator.comparing((Listed r) -> !r.trusted())
                .thenComparing(r -> r.trusted() && r.state().createdAt() != null ? r.state().createdAt() : "")
                .thenComparing(Listed::runId));
        return runs;
    }

    private Listed listed(String runId) {
        try {
            return new Listed(runId, load(runId), null, false);
        } catch (RuntimeException e) {
            return new Listed(runId, null, e.getMessage(), e instanceof RunRefusedException);
        }
    }

    /** The run a {@code resume} without {@code --run-id} means: the only one not finished; refused runs never count. */
    public RunState latestOpen() {
        List<Listed> all = list();
        List<RunState> open = all.stream().filter(Listed::trusted).map(Listed::state).filter(r -> !r.status().finished()).toList();
        long refused = all.stream().filter(r -> !r.trusted()).count();
        if (open.isEmpty()) {
            throw new BadInputException("no unfinished run in " + runsDir + "; start one with 'orchestra run'"
                    + (refused == 0 ? "" : " (" + refused + " run folder(s) refused: see 'orchestra status')"));
        }
        if (open.size() > 1) {
            throw new BadInputException(open.size() + " unfinished runs; name one with --run-id: "
                    + String.join(", ", open.stream().map(r -> r.runId()).toList()));
        }
        return open.get(0);
    }
}
