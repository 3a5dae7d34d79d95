package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra run}: starts a run of a workflow on a repository and drives it as far as it can go. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workflow on a git repository: plan gate, baseline tests, steps in isolated copies, "
                + "patch gate, validation, pr gate, bundle.",
        footer = {"", ExitCodes.HELP})
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LimitOptions limits;

    @Mixin
    SandboxOption sandboxOption;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @Mixin
    PublishOptions publishOptions;

    @Option(names = "--workflow", paramLabel = "NAME|FILE",
            description = "A shipped workflow's name, one in the repository's .orchestra/workflows/, or a YAML file. "
                    + "Without it, the orchestrator model (--model) plans the task.")
    String workflow;

    @Option(names = "--task", paramLabel = "TEXT|@FILE", description = "The task: text, or @FILE to read it from a file.")
    String task = "";

    @Option(names = "--validate", paramLabel = "CMD", description = "The validation hook: a shell command that runs the tests, e.g. \"mvn -B test\".")
    String validate;

    @Option(names = "--validate-external", description = "The validation hook runs outside Orchestra (e.g. a Jenkins body): wait for it with exit 11.")
    boolean validateExternal;

    @Option(names = "--junit", paramLabel = "GLOB", description = "Where the hook writes JUnit XML (repeatable; default: surefire, failsafe and Gradle reports).")
    List<String> junit;

    @Option(names = "--gates", paramLabel = "plan,patch,pr|none", split = ",", description = "Gates that need a human (default: plan,patch,pr). Others are auto-approved and recorded.")
    List<String> gates = List.of("plan", "patch", "pr");

    @Option(names = "--run-id", paramLabel = "ID", description = "The run id (default: time and a random suffix).")
    String runId;

    @Option(names = "--step-timeout", paramLabel = "DURATION", description = "Wall-time limit of one step or validation, e.g. 30m (default), 2h.")
    String stepTimeout = "30m";

    @Option(names = "--jobs", paramLabel = "N", description = "How many independent steps may run at once (default 4; steps wait for a model most of the time).")
    int jobs = 4;

    @Option(names = "--leave-working-tree", description = "Never touch the working tree (uncommitted changes allowed): build and validate the run branch in copies.")
    boolean leaveWorkingTree;

    @Override
    public Integer call() throws IOException {
        Sandbox sandbox = sandboxOption.choose(parent.env(), SandboxMode.AUTO);
        Map<String, String> flags = modelOptions.flags();
        RunRequest.Builder request = RunRequest.builder().runId(runId).validateCommand(validate)
                .externalValidation(validateExternal).junitGlobs(junit).gates(GateOption.parse(gates))
                .stepTimeout(Durations.parse("--step-timeout", stepTimeout)).leaveWorkingTree(leaveWorkingTree).jobs(jobs)
                .writeScope(limits.writeScope).allowProtected(limits.allowProtected).passEnv(limits.passEnv)
                .budget(limits.budget()).maxFixIterations(modelOptions.maxFixIterations);
        request.task(readTask(task));
        dev.orchestra.engine.publish.PublishRequest publish = publishOptions.request();
        try (Orchestra orchestra = Session.open(common.repo, spec.commandLine().getErr(), parent.env(), flags, null, sandbox,
                     TerminalGateKeeper.forThisProcess(common.json(), spec.commandLine().getErr()));
             RunLock lock = orchestra.lockForChanges("run")) {
            Publishing publishing = new Publishing(orchestra, parent.env(), new ProgressLines(spec.commandLine().getErr()));
            publishing.check(publish);
            Plan plan = workflow == null ? null : orchestra.workflows().resolve(workflow);
            RunState state = orchestra.start(request.workflow(workflow, plan)
                    .model(orchestra.model().configured() ? orchestra.model().modelId() : null, flags).build());
            publishing.after(state, publish);
            return new RunOutput(orchestra.runs()).print(state, common.json(), spec.commandLine().getOut());
        }
    }

    /** The largest task text: a ticket, not a data set. */
    static final long MAX_TASK_BYTES = 256 * 1024;

    static String readTask(String task) {
        if (task == null || !task.startsWith("@")) {
            return task == null ? "" : task;
        }
        Path file = Path.of(task.substring(1));
        if (Files.isDirectory(file)) {
            throw new BadInputException("--task " + task + ": a folder, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_TASK_BYTES + 1); // never more: @/dev/zero has no end
        } catch (IOException e) {
            throw new BadInputException("--task " + task + ": cannot read " + file);
        }
        if (bytes.length > MAX_TASK_BYTES) {
            throw new BadInputException("--task " + task + ": more than " + MAX_TASK_BYTES
                    + " bytes; a task may have at most that (link to large material instead)");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadInputException("--task " + task + ": a binary file, not text");
            }
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
