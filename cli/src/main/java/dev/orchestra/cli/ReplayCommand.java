package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelRequest;
import dev.orchestra.engine.model.ReplayModelClient;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orchestra replay RUN_DIR}: runs a recorded run again with no model: every model answer comes
 * from its transcript, the tools and tests run for real, the user's working tree is not touched;
 * then the replay's patches are compared with the original's, and the replay's branch is removed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a recorded run from its transcript, with no model, and compare the patches.",
        footer = {"", "Exit codes: 0 the replay produced the same patches · 1 it did not · 2 bad input"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    OrchestraCommand parent;

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder: <repository>/.orchestra/runs/<run-id>.")
    Path runDir;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @picocli.CommandLine.Mixin
    SandboxOption sandboxOption;

    @Override
    public Integer call() throws IOException {
        Path repo = repository();
        RunState original = readOriginal(repo);
        Sandbox sandbox = sandboxOption.sandbox != null ? sandboxOption.choose(parent.env(), SandboxMode.AUTO)
                : SandboxOption.ofRun(original, parent.env());
        String replayId = original.runId() + "-replay-" + RunStore.newRunId(Instant.now()).substring(16);
        ModelClient replay = answersOf(original, replayId);
        RunState state;
        Path replayDir;
        try (Orchestra orchestra = Session.open(repo, spec.commandLine().getErr(), parent.env(),
                     original.request().modelFlags(), replay, sandbox, GateKeeper.NOBODY);
             RunLock lock = orchestra.lockForChanges("replay")) {
            RunRequest request = original.request().toBuilder().runId(replayId).plan(planOf(original))
                    .externalValidation(false).gates(Set.of()).leaveWorkingTree(true).build();
            state = orchestra.start(request);
            replayDir = orchestra.runs().runDir(replayId);
            removeRefs(orchestra.tree(), state);
        }
        List<String> differences = PatchComparison.differences(runDir.resolve("bundle"), replayDir.resolve("bundle"));
        boolean same = differences.isEmpty() && state.status() == original.status();
        print(original, state, replayDir, differences, same);
        return same ? 0 : 1;
    }

    /** The replay's branch and bookkeeping refs: its bundle keeps the patches, the repository keeps nothing. */
    private static void removeRefs(WorkingTree tree, RunState replay) throws IOException {
        if (replay.runBranch() != null) {
            tree.deleteRef(Constants.R_HEADS + replay.runBranch());
        }
        for (Ref ref : tree.repository().getRefDatabase().getRefsByPrefix("refs/orchestra/" + replay.runId() + "/")) {
            tree.deleteRef(ref.getName());
        }
    }

    /** The repository whose run folder {@code RUN_DIR} is. */
    private Path repository() {
        Path normalized = runDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(runDir.resolve("state.json")) || normalized.getParent() == null
                || !normalized.getParent().endsWith(Path.of(".orchestra", "runs"))) {
            throw new BadInputException(runDir + ": not a run folder (<repository>/.orchestra/runs/<run-id>/state.json)");
        }
        return normalized.getParent().getParent().getParent();
    }

    /** The original run, through the run store: a run folder Orchestra does not trust is never replayed. */
    private RunState readOriginal(Path repo) {
        RunState original;
        try (Orchestra reading = Session.readOnly(repo, spec.commandLine().getErr(), parent.env())) {
            original = reading.runs().load(runDir.toAbsolutePath().normalize().getFileName().toString());
        }
        if (!original.status().finished()) {
            throw new BadInputException("run " + original.runId() + " has not finished (" + original.status().name().toLowerCase() + ")");
        }
        if (original.request().externalValidation()) {
            throw new BadInputException("run " + original.runId() + " was validated outside Orchestra; a replay cannot run that hook");
        }
        return original;
    }

    /** The original's answers, asked for under the replay's run id. */
    private ModelClient answersOf(RunState original, String replayId) {
        Path transcript = runDir.resolve("transcript.jsonl");
        if (original.request().model() == null || !Files.isRegularFile(transcript)) {
            return null;
        }
        ReplayModelClient answers = ReplayModelClient.fromTranscript(transcript);
        String prefix = replayId + "/";
        return request -> answers.complete(new ModelRequest(
                original.runId() + "/" + request.correlationId().substring(request.correlationId().startsWith(prefix) ? prefix.length() : 0),
                request.system(), request.messages(), request.responseSchema(), request.schemaName(), request.settings()));
    }

    /** The plan the original ran: its workflow's (or a human's edit), without fix steps; null when the model planned it. */
    private static Plan planOf(RunState original) {
        boolean edited = original.decisions().stream().anyMatch(d -> d.gate().equals("plan") && d.edit() != null);
        if (original.request().workflow() == null && !edited) {
            return null;
        }
        return new Plan(original.plan().name(), original.plan().description(),
                original.plan().steps().stream().filter(step -> !step.id().matches("fix\\d+-.*")).toList());
    }

    private void print(RunState original, RunState replay, Path replayDir, List<String> differences, boolean same)
            throws IOException {
        if (output.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("runId", replay.runId());
            out.put("original", original.runId());
            out.put("status", replay.status().name().toLowerCase());
            out.put("originalStatus", original.status().name().toLowerCase());
            out.put("samePatches", differences.isEmpty());
            out.put("differences", differences);
            out.put("runDir", replayDir.toString());
            spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(out));
        } else {
            spec.commandLine().getOut().println((same ? "Replay matches" : "Replay differs") + ": " + original.runId() + " → "
                    + replay.runId() + " (" + replay.status().name().toLowerCase() + ")");
            differences.forEach(d -> spec.commandLine().getOut().println("  " + ControlCharacters.strip(d)));
        }
        spec.commandLine().getOut().flush();
    }
}
