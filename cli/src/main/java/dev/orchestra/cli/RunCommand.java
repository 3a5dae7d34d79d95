package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.run.Orchestrator;
import dev.orchestra.engine.run.RunRequest;
import dev.orchestra.engine.run.RunState;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.engine.validate.JUnitReports;
import dev.orchestra.engine.workflow.WorkflowCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.budget.Spent;
import dev.orchestra.engine.lock.RunLock;
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
        if (validate != null && validateExternal) {
            throw new BadInputException("--validate and --validate-external exclude each other");
        }
        if (jobs < 1) {
            throw new BadInputException("--jobs " + jobs + ": must be 1 or more");
        }
        // Every flag is checked before anything opens the repository: bad input changes nothing.
        String id = runId != null ? RunStore.checkRunId(runId) : RunStore.newRunId(Instant.now());
        Map<String, String> flags = modelOptions.flags();
        Budget budget = limits.budget(modelOptions.maxFixIterations);
        limits.checkGlobs();
        Set<String> gatesNeeded = GateOption.parse(gates);
        Duration timeout = Durations.parse("--step-timeout", stepTimeout);
        String taskText = readTask(task);
        dev.orchestra.engine.publish.PublishRequest publish = publishOptions.request();
        try (Session session = new Session(common.repo, spec.commandLine().getErr(), parent.env(), id, flags, null, budget,
                     Spent.NOTHING, sandbox);
             RunLock lock = session.lockForChanges("run")) {
            new Publishing(session, parent.env()).check(publish);
            Plan plan = workflow == null ? null
                    : new WorkflowCatalog(session.tree().dir(), session.context().loader()).resolve(workflow);
            if (plan == null) {
                requireModelPlanning(session, taskText);
            }
            RunRequest request = new RunRequest(plan, workflow, taskText, validate, validateExternal,
                    junit == null || junit.isEmpty() ? JUnitReports.DEFAULT_GLOBS : junit,
                    gatesNeeded, id, timeout, leaveWorkingTree,
                    session.model().configured() ? session.model().modelId() : null, modelOptions.maxFixIterations, flags, null, jobs,
                    limits.writeScope, limits.allowProtected, budget, limits.passEnv);
            Orchestrator orchestrator = new Orchestrator(session.context(), TerminalGateKeeper.forThisProcess(common.json,
                    spec.commandLine().getErr()));
            RunState state = orchestrator.start(request);
            new Publishing(session, parent.env()).after(state, publish);
            return new RunOutput(session.context().store()).print(state, common.json, spec.commandLine().getOut());
        }
    }

    private static void requireModelPlanning(Session session, String taskText) {
        if (!session.model().configured()) {
            throw new BadInputException("give --workflow NAME, or --model PROVIDER:MODEL to let the orchestrator model plan the task");
        }
        if (taskText.isBlank()) {
            throw new BadInputException("--task is required when the model plans the run");
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
