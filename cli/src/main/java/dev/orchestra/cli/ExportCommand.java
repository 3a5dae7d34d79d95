package dev.orchestra.cli;

import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.transfer.RunArchive;
import dev.orchestra.engine.transfer.RunExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestra export}: one file that carries a run (its folder and its git refs) to another clone. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run to one file (its run folder and a git bundle of its refs), for 'orchestra import' "
                + "in another clone of the repository, e.g. on another CI agent.",
        footer = {"", ExitCodes.HELP})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    OrchestraCommand parent;

    @Option(names = "--run-id", paramLabel = "ID", required = true, description = "The run to export.")
    String runId;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "The file to write (replaced if it exists).")
    Path to;

    @Override
    public Integer call() throws IOException {
        RunStore.checkRunId(runId);
        try (Orchestra session = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env());
             RunLock lock = session.lockForChanges("export")) {
            RunStore store = session.runs();
            RunState state = store.load(runId);
            RunArchive archive = new RunExport(session.tree().repository(), store.runDir(runId))
                    .writeTo(runId, state.baseCommit(), to);
            new ProgressLines(spec.commandLine().getErr()).progress("exported run " + runId + " (" + archive.refs().size() + " refs) to " + to);
            return TransferOutput.print(new RunOutput(store), state, result -> result.withExportPath(to.toAbsolutePath().toString()),
                    common.json(), spec.commandLine().getOut());
        }
    }
}
