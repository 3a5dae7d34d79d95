package dev.orchestra.cli;

import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.transfer.RunImport;
import dev.orchestra.engine.trust.RunKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestra import}: takes in a run that {@code orchestra export} wrote in another clone. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a run written by 'orchestra export' into this clone (same repository, with the run's base "
                + "commit): its git refs and its run folder, replacing an older copy of the same run. Continue it "
                + "with 'orchestra resume'.",
        footer = {"", ExitCodes.HELP})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    OrchestraCommand parent;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The file 'orchestra export' wrote.")
    Path from;

    @Override
    public Integer call() throws IOException {
        try (Orchestra session = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env());
             RunLock lock = session.lockForChanges("import")) {
            RunKey key = session.runKey();
            RunImport.Outcome outcome = new RunImport(session.tree(), key).from(from);
            String runId = outcome.archive().runId();
            new ProgressLines(spec.commandLine().getErr()).progress(outcome.unchanged() ? "run " + runId + " is already here as exported"
                    : "imported run " + runId + " (" + outcome.archive().refs().size() + " refs)");
            RunStore store = session.runs();
            RunState state = store.load(runId);
            return TransferOutput.print(new RunOutput(store), state, result -> result.withImported(!outcome.unchanged()),
                    common.json(), spec.commandLine().getOut());
        }
    }
}
