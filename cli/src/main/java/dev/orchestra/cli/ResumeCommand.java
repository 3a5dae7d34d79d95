package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.run.Orchestrator;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.state.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra resume}: answers a gate, hands back a validation outcome, or continues after a kill. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run: answer the gate it waits at, hand back the outcome of an external "
                + "validation hook, or pick up after a crash.",
        footer = {"", ExitCodes.HELP})
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @picocli.CommandLine.Mixin
    PublishOptions publishOptions;

    @Option(names = "--run-id", paramLabel = "ID", description = "The run (default: the only unfinished one).")
    String runId;

    @ArgGroup(exclusive = true)
    Decision decision;

    static final class Decision {
        @Option(names = "--approve", description = "Approve the gate the run waits at.")
        boolean approve;

        @Option(names = "--reject", description = "Reject the gate the run waits at; the run stops.")
        boolean reject;
    }

    @Option(names = "--edited-plan", paramLabel = "FILE", description = "With --approve at the plan gate: use this edited plan.md.")
    Path editedPlan;

    @Option(names = "--series", paramLabel = "SHA256",
            description = "With --approve at the pr gate: the patch series' sha256 the gate showed (12+ hex digits); refused if the series is another.")
    String series;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decided (recorded with the decision; default: $USER).")
    String by;

    @Option(names = "--validation-exit", paramLabel = "N", description = "Exit code of the validation hook that ran outside Orchestra.")
    Integer validationExit;

    @Option(names = "--junit", paramLabel = "GLOB", description = "JUnit XML the external hook wrote (repeatable; default: the run's).")
    List<String> junit;

    @Override
    public Integer call() {
        GateAnswer answer = answer();
        dev.orchestra.engine.publish.PublishRequest publish = publishOptions.request();
        Orchestrator.ExternalValidation validation = validationExit == null ? null
                : new Orchestrator.ExternalValidation(validationExit, junit == null ? List.of() : junit);
        RunState waiting;
        try (Orchestra reading = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env())) {
            waiting = runId != null ? reading.runs().load(runId) : reading.runs().latestOpen();
        }
        if (series != null) {
            if (answer == null || !answer.approved()) {
                throw new BadInputException("--series goes with --approve");
            }
            try (Orchestra reading = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env())) {
                dev.orchestra.engine.publish.SeriesApproval.require(reading.tree().repository(),
                        reading.runs().runDir(waiting.runId()), waiting, series);
            }
        }
        Sandbox sandbox = SandboxOption.ofRun(waiting, parent.env());
        try (Orchestra orchestra = Session.open(common.repo, spec.commandLine().getErr(), parent.env(),
                     waiting.request().modelFlags(), null, sandbox,
                     TerminalGateKeeper.forThisProcess(common.json(), spec.commandLine().getErr()));
             RunLock lock = orchestra.lockForChanges("resume")) {
            Publishing publishing = new Publishing(orchestra, parent.env(), new ProgressLines(spec.commandLine().getErr()));
            publishing.check(publish);
            RunState state = orchestra.resume(waiting.runId(), answer, validation);
            publishing.after(state, publish);
            return new RunOutput(orchestra.runs()).print(state, common.json(), spec.commandLine().getOut());
        }
    }

    private GateAnswer answer() {
        if (editedPlan != null && (decision == null || !decision.approve)) {
            throw new BadInputException("--edited-plan goes with --approve");
        }
        if (editedPlan != null && !Files.isRegularFile(editedPlan)) {
            throw new BadInputException("--edited-plan " + editedPlan + ": no such file");
        }
        if (decision == null) {
            return null;
        }
        String who = by != null && !by.isBlank() ? by : TerminalGateKeeper.user();
        return new GateAnswer(decision.approve, who, editedPlan == null ? null : editedPlan.toAbsolutePath());
    }
}
