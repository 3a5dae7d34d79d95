package dev.orchestra.cli;

import dev.orchestra.engine.run.Orchestra;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.rework.Rework;
import dev.orchestra.engine.rework.ReworkMeasure;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestra rework}: how much humans changed a run's result before it was merged. */
@Command(name = "rework", mixinStandardHelpOptions = true,
        description = "Compare what was merged with what a run delivered: human commits on top, lines they added and"
                + " removed, files only humans touched, plan edits and rejections → none, minor or major. Written to"
                + " the run folder (rework.json) and the bundle's metrics.json.",
        footer = {"", ExitCodes.HELP})
final class ReworkCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @Parameters(paramLabel = "RUN", description = "The run: its id (in --repo), or its folder (.orchestra/runs/ID).")
    String run;

    @Option(names = "--merged", paramLabel = "COMMIT", required = true,
            description = "The commit that merged the pull request (or the pull request's tip as merged).")
    String merged;

    @Override
    public Integer call() throws IOException {
        Path repoDir = common.repo;
        String runId = run;
        Path given = Path.of(run);
        if (Files.isRegularFile(given.resolve("state.json"))) {
            Path folder = given.toAbsolutePath().normalize();
            if (folder.getParent() == null || !folder.getParent().endsWith(Path.of(".orchestra", "runs"))) {
                throw new BadInputException(run + ": not a run folder (<repository>/.orchestra/runs/<run-id>)");
            }
            repoDir = folder.getParent().getParent().getParent();
            runId = folder.getFileName().toString();
        }
        try (Orchestra session = Session.readOnly(repoDir, spec.commandLine().getErr(), parent.env());
             RunLock lock = session.lockForChanges("rework")) {
            RunState state = session.runs().load(runId);
            Rework rework = new ReworkMeasure(session.tree().repository()).measure(state, merged);
            Path runDir = session.runs().runDir(runId);
            Json.write(runDir.resolve("rework.json"), rework);
            Path metrics = runDir.resolve("bundle").resolve("metrics.json");
            if (Files.isRegularFile(metrics)) {
                ObjectNode node = (ObjectNode) Json.MAPPER.readTree(metrics.toFile());
                node.set("rework", Json.MAPPER.valueToTree(rework));
                Json.write(metrics, node);
            }
            new ProgressLines(spec.commandLine().getErr()).progress("rework of run " + runId + ": " + rework.level() + " (" + rework.humanCommits()
                    + " human commit(s), +" + rework.linesAdded() + " -" + rework.linesRemoved() + ", "
                    + rework.humanOnlyFiles().size() + " file(s) only humans touched, " + rework.planEdits()
                    + " plan edit(s), " + rework.rejections() + " rejection(s))");
            var out = spec.commandLine().getOut();
            if (common.json()) {
                out.println(Json.MAPPER.writeValueAsString(rework));
            } else {
                out.println("Rework: " + rework.level());
            }
            out.flush();
            return ExitCodes.DONE;
        }
    }
}
