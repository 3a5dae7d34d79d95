package dev.orchestra.cli;

import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.run.RunListener;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchestra.engine.publish.PublishOutcome;
import dev.orchestra.engine.publish.PublishRequest;
import dev.orchestra.engine.publish.Publisher;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.trust.StateSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI's one hook into a run after the pr gate: the publish flags given to {@code run} are kept in the run folder
 * ({@code publish-request.json}, signed with the run key like {@code state.json}, so a repository cannot bring its
 * own), and once the run may leave the workspace its branch is pushed and the pull request opened, once per head.
 */
final class Publishing {
    static final String REQUEST_FILE = "publish-request.json";
    private final Orchestra orchestra;
    private final Map<String, String> env;
    private final RunListener progress;

    Publishing(Orchestra orchestra, Map<String, String> env, RunListener progress) {
        this.orchestra = orchestra;
        this.env = env;
        this.progress = progress;
    }

    /** Checks {@code given} against the repository before a run starts (nothing to check when null). */
    void check(PublishRequest given) {
        if (given != null) {
            new Publisher(orchestra.tree().repository(), orchestra.runs().runsDir(), env, line -> { }).check(given);
        }
    }

    /** Keeps {@code given} (when not null) for the run, then publishes when the run is ready and not yet published. */
    PublishOutcome after(RunState state, PublishRequest given) {
        Path runDir = orchestra.runs().runDir(state.runId());
        if (given != null && Files.isDirectory(runDir)) {
            save(runDir, state.runId(), given);
        }
        PublishRequest request = given != null ? given : saved(runDir, state.runId());
        if (request == null || !Publisher.ready(state) || publishedAlready(runDir, state, request)) {
            return null;
        }
        return publisher(runDir).publish(state, request);
    }

    /** Publishes a finished run now (the {@code publish} command): {@code given}, else what {@code run} kept. */
    PublishOutcome now(RunState state, PublishRequest given) {
        Path runDir = orchestra.runs().runDir(state.runId());
        PublishRequest request = given != null ? given : saved(runDir, state.runId());
        if (request == null) {
            throw new dev.orchestra.engine.BadInputException("run " + state.runId()
                    + " was started without --push: give --push REMOTE [--pull-request]");
        }
        if (given != null) {
            save(runDir, state.runId(), given);
        }
        return publisher(runDir).publish(state, request);
    }

    private Publisher publisher(Path runDir) {
        return new Publisher(orchestra.tree().repository(), runDir, env, progress::progress);
    }

    private static boolean publishedAlready(Path runDir, RunState state, PublishRequest request) {
        Path file = runDir.resolve(Publisher.FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            PublishOutcome done = Json.read(file, PublishOutcome.class);
            return state.branchHead().equals(done.commit()) && (!request.pullRequest() || done.pullRequest() != null);
        } catch (IOException e) {
            return false;
        }
    }

    private StateSignature signature() {
        return new StateSignature(orchestra.runKey());
    }

    private void save(Path runDir, String runId, PublishRequest request) {
        try {
            String json = Json.MAPPER.writeValueAsString(request);
            Json.writeAtomically(runDir.resolve(REQUEST_FILE),
                    signature().sign(runId + "/publish", json).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request {@code run} kept, or null when there is none or it does not verify (then a progress line says so). */
    private PublishRequest saved(Path runDir, String runId) {
        Path file = runDir.resolve(REQUEST_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file);
            if (!signature().verify(runId + "/publish", text)) {
                progress.progress(REQUEST_FILE + " of run " + runId
                        + " was not written by Orchestra for this operator; nothing is pushed (give --push again)");
                return null;
            }
            Map<String, Object> fields = Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
            fields.remove("orchestraSignature");
            return Json.MAPPER.convertValue(fields, PublishRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            progress.progress(REQUEST_FILE + " of run " + runId + " cannot be read; nothing is pushed");
            return null;
        }
    }
}
