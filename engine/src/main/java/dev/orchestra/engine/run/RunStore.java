package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.SecretRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run folders of one repository: {@code .orchestra/runs/<run-id>/state.json}, written atomically and with every
 * secret the redactor knows replaced (model text and test output land in the state).
 */
public final class RunStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path runsDir;
    private final SecretRedactor redactor;

    /** The runs of {@code repoDir}, their state redacted with {@code redactor}. */
    public RunStore(Path repoDir, SecretRedactor redactor) {
        this.runsDir = repoDir.resolve(".orchestra").resolve("runs");
        this.redactor = redactor;
    }

    /** The runs of {@code repoDir}, their state redacted of the well-known key shapes only. */
    public RunStore(Path repoDir) {
        this(repoDir, SecretRedactor.fromEnvironment(java.util.Map.of()));
    }

    public Path runsDir() {
        return runsDir;
    }

    public Path runDir(String runId) {
        return runsDir.resolve(runId);
    }

    /** A new run id: UTC time plus a random suffix, e.g. {@code 20261123-170512-3fa2}. */
    public static String newRunId(Instant now) {
        return ID_TIME.format(now) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }

    /** Checks a user-given run id: it names a folder, so only letters, digits, '-', '_' and '.'. */
    public static String checkRunId(String runId) {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new BadInputException("--run-id '" + runId + "': use 1-64 letters, digits, '.', '-' or '_'");
        }
        return runId;
    }

    public boolean exists(String runId) {
        return Files.isRegularFile(runDir(runId).resolve("state.json"));
    }

    public void save(RunState state) {
        state.updatedAt = Instant.now().toString();
        try {
            CleanJson.write(runDir(state.runId).resolve("state.json"), state, redactor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state of run " + state.runId, e);
        }
    }

    public RunState load(String runId) {
        Path file = runDir(checkRunId(runId)).resolve("state.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no run '" + runId + "' in " + runsDir);
        }
        try {
            return Json.read(file, RunState.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": unreadable run state (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Every run of the repository, oldest first. */
    public List<RunState> list() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunState> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("state.json"))) {
                    runs.add(load(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runs.sort(Comparator.comparing(r -> r.createdAt == null ? "" : r.createdAt));
        return runs;
    }

    /** The run a {@code resume} without {@code --run-id} means: the only one not finished. */
    public RunState latestOpen() {
        List<RunState> open = list().stream().filter(r -> !r.status.terminal()).toList();
        if (open.isEmpty()) {
            throw new BadInputException("no unfinished run in " + runsDir + "; start one with 'orchestra run'");
        }
        if (open.size() > 1) {
            throw new BadInputException(open.size() + " unfinished runs; name one with --run-id: "
                    + String.join(", ", open.stream().map(r -> r.runId).toList()));
        }
        return open.get(0);
    }
}
