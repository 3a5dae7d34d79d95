package dev.orchestra.cli;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.budget.BudgetMeter;
import dev.orchestra.engine.budget.BudgetedModelClient;
import dev.orchestra.engine.budget.Spent;
import dev.orchestra.engine.lock.GitIndexLocks;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.policy.PatchPolicy;
import java.time.Clock;
import dev.orchestra.engine.agent.ModelAgents;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelClients;
import dev.orchestra.engine.model.ModelConfig;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.RecordingModelClient;
import dev.orchestra.engine.model.RunModelClient;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.model.TranscriptWriter;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.run.RunContext;
import dev.orchestra.engine.run.RunListener;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.CopiesFolder;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One command's connection to the engine for one run: the repository, its runs, the agents, the
 * model (configured, replayed, or none), and progress on stderr.
 */
final class Session implements AutoCloseable {
    private final WorkingTree tree;
    private final RunContext context;
    private final ModelConfig model;
    private final CopiesFolder copies;

    /**
     * @param modelFlags the model flags ({@code model}, {@code base-url}, ...); the config files fill the rest
     * @param replay a client that answers from a transcript instead of the configured provider, or null
     * @param sandbox where command agents run (see {@link SandboxOption})
     */
    Session(Path repo, PrintWriter err, Map<String, String> env, String runId, Map<String, String> modelFlags,
            ModelClient replay, Budget budget, Spent spent, Sandbox sandbox) {
        this.tree = WorkingTree.open(repo);
        Path home = Path.of(System.getProperty("user.home"));
        SecretRedactor redactor = SecretRedactor.fromEnvironment(env);
        RunStore store = new RunStore(tree.dir(), tree.repository(), RunKey.forOperator(home, env), redactor);
        this.model = runId == null ? ModelConfig.of(null, null) : ModelConfig.load(tree.dir(), home, modelFlags);
        BudgetMeter meter = new BudgetMeter(budget, Clock.systemUTC(), spent);
        ModelClient client = runId == null ? null : runClient(store.runDir(runId), env, redactor, runId, replay, meter);
        ToDoubleFunction<ModelReply> pricing = reply -> model.configured()
                ? model.priceTable().cost(model.model(), reply.inputTokens(), reply.outputTokens()) : 0.0;
        AgentRegistry agents = ModelAgents.register(AgentRegistry.withToolAgents(MavenLocator.fromSystem(), sandbox), client,
                model.configured() ? model.settings() : null, pricing);
        ModelPlanner planner = client == null ? null : new ModelPlanner(client, agents, model.settings(), pricing);
        RunListener listener = new ProgressLines(err);
        this.copies = CopiesFolder.create(Path.of(System.getProperty("java.io.tmpdir")));
        this.context = new RunContext(tree, store, agents, new WorkflowLoader(agents), planner, copies.dir(), listener, meter,
                new PatchPolicy(redactor), redactor, sandbox);
        if (copies.swept() > 0) {
            context.progress("removed " + copies.swept() + " folder(s) of step copies that killed runs left behind");
        }
    }

    /** Budget outermost (a refused call never reaches the transcript), then the transcript, then the provider. */
    private ModelClient runClient(Path runDir, Map<String, String> env, SecretRedactor redactor, String runId,
                                  ModelClient replay, BudgetMeter meter) {
        ModelClient recorded;
        if (replay != null) {
            TranscriptWriter transcript = TranscriptWriter.inRunFolder(runDir, redactor);
            recorded = new RecordingModelClient(replay, transcript, model);
        } else if (model.configured()) {
            recorded = ModelClients.recorded(model, env, runDir);
        } else {
            return null;
        }
        BudgetedModelClient.Pricing pricing = (name, in, out) -> model.priceTable().cost(model.model(), in, out);
        return new RunModelClient(runId, new BudgetedModelClient(recorded, meter, pricing));
    }

    /** A session that only reads runs (status): no model, so no model key is needed; the run key comes from {@code env}. */
    static Session readOnly(Path repo, PrintWriter err, Map<String, String> env) {
        Map<String, String> runKeyOnly = env.containsKey(RunKey.ENV) ? Map.of(RunKey.ENV, env.get(RunKey.ENV)) : Map.of();
        return new Session(repo, err, runKeyOnly, null, Map.of(), null, Budget.UNLIMITED, Spent.NOTHING, Sandbox.off());
    }

    /**
     * Holds the repository's run lock for a command that changes runs, and clears what a killed process
     * left behind: a stale {@code index.lock} and lock files on Orchestra's own refs.
     */
    RunLock lockForChanges(String command) {
        RunLock lock = RunLock.acquire(tree.dir(), command);
        GitIndexLocks.Cleanup cleanup = GitIndexLocks.clearStale(tree.repository(), java.time.Duration.ofMinutes(2));
        if (cleanup.outcome() != GitIndexLocks.Outcome.NONE) {
            context.progress(cleanup.message());
        }
        int refLocks = GitIndexLocks.clearOrchestraRefLocks(tree.repository());
        if (refLocks > 0) {
            context.progress("removed " + refLocks + " ref lock(s) a killed run left behind");
        }
        return lock;
    }

    RunContext context() {
        return context;
    }

    WorkingTree tree() {
        return tree;
    }

    /** The model configuration in force (files and flags), {@code configured()} false when there is none. */
    ModelConfig model() {
        return model;
    }

    @Override
    public void close() {
        try {
            copies.close();
        } finally {
            tree.close();
        }
    }
}
