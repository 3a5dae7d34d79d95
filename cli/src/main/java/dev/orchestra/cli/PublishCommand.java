package dev.orchestra.cli;

import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.publish.PublishRequest;
import dev.orchestra.engine.state.RunState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra publish}: pushes a finished run's branch and opens its pull request (again, after a fix). */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Push a finished run's branch and open or update its pull request: the flags given here,"
                + " else those given to 'run'. Only a run the pr gate approved (or an escalated run without a human"
                + " at the pr gate, as a draft) leaves the workspace.",
        footer = {"", ExitCodes.HELP})
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    PublishOptions publishOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @Option(names = "--run-id", paramLabel = "ID", required = true, description = "The run to publish.")
    String runId;

    @Override
    public Integer call() {
        PublishRequest given = publishOptions.request();
        try (Orchestra session = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env());
             RunLock lock = session.lockForChanges("publish")) {
            RunState state = session.runs().load(runId);
            if (state == null) {
                throw new BadInputException("--run-id " + runId + ": no such run");
            }
            new Publishing(session, parent.env(), new ProgressLines(spec.commandLine().getErr())).now(state, given);
            new RunOutput(session.runs()).print(state, common.json(), spec.commandLine().getOut());
            return ExitCodes.DONE; // published: the run's own status is in the output

        }
    }
}
