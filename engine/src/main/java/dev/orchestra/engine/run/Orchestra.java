package dev.orchestra.engine.run;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.agent.ModelAgents;
import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.budget.BudgetedModelClient;
import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.budget.Spent;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.lock.GitIndexLocks;
import dev.orchestra.engine.lock.RunLock;
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
import dev.orchestra.engine.policy.PatchPolicy;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.workflow.WorkflowCatalog;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.CopiesFolder;
import dev.orchestra.engine.workspace.WorkingTree;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The engine's entry point: one repository, its runs, the agents, the model (configured, replayed, or none), the gate
 * keeper and where progress goes. Built with {@link #builder(Path)}; {@link #start} and {@link #resume} drive a run as
 * far as it can go. Each run gets its own spend ledger and model client (budget, then transcript, then provider).
 */
public final class Orchestra implements AutoCloseable {
    private final Builder settings;
    private final WorkingTree tree;
    private final SecretRedactor redactor;
    private final RunStore store;
    private final RunKey runKey;
    private final ModelConfig model;
    private final CopiesFolder copies;
    private final AgentRegistry toolAgents;

    private Orchestra(Builder settings) {
        this.settings = settings;
        this.tree = WorkingTree.open(settings.repository);
        this.redactor = SecretRedactor.fromEnvironment(settings.env);
        this.runKey = settings.runKey != null ? settings.runKey : RunKey.forOperator(settings.home, settings.env);
        this.store = new RunStore(tree.dir(), tree.repository(), runKey, redactor);
        this.model = settings.modelFlags == null ? ModelConfig.of(null, null)
                : ModelConfig.load(tree.dir(), settings.home, settings.modelFlags);
        this.toolAgents = settings.agents != null ? settings.agents
                : AgentRegistry.withToolAgents(settings.maven != null ? settings.maven : MavenLocator.fromSystem(),
                        settings.sandbox);
        this.copies = CopiesFolder.create(settings.copiesRoot);
        if (copies.swept() > 0) {
            progress("removed " + copies.swept() + " folder(s) of step copies that killed runs left behind");
        }
    }

    /** An engine for the git repository at {@code repository}: no model, nobody at the gates, progress dropped. */
    public static Builder builder(Path repository) {
        return new Builder(repository);
    }

    /** Starts a new run and drives it as far as it can go: done, waiting, or stopped. */
    public RunState start(RunRequest request) {
        return orchestrator(request.runId(), request.budget(), Spent.NOTHING).start(request);
    }

    /** Continues a run after a gate answer ({@code answer}), a validation outcome ({@code validation}), or a kill. */
    public RunState resume(String runId, GateAnswer answer, Orchestrator.ExternalValidation validation) {
        RunState waiting = store.load(runId);
        return orchestrator(runId, waiting.request().budget(), waiting.spent()).resume(runId, answer, validation);
    }

    private Orchestrator orchestrator(String runId, Budget budget, Spent spent) {
        return new Orchestrator(context(runId, new SpendLedger(budget, settings.clock, spent)), settings.gates,
                settings.clock);
    }

    /** Everything the phases of run {@code runId} work with; the model's calls go through {@code ledger}. */
    RunContext context(String runId, SpendLedger ledger) {
        ModelClient client = runClient(runId, ledger);
        ToDoubleFunction<ModelReply> pricing = reply -> model.configured()
                ? model.priceTable().cost(model.model(), reply.inputTokens(), reply.outputTokens()) : 0.0;
        AgentRegistry agents = ModelAgents.register(toolAgents.copy(), client,
                model.configured() ? model.settings() : null, pricing);
        ModelPlanner planner = client == null ? null : new ModelPlanner(client, agents, model.settings(), pricing);
        return new RunContext(tree, store, agents, new WorkflowLoader(agents), planner, copies.dir(), settings.listener,
                ledger, new PatchPolicy(redactor), redactor, settings.sandbox);
    }

    /** Budget outermost (a refused call never reaches the transcript), then the transcript, then the provider. */
    private ModelClient runClient(String runId, SpendLedger ledger) {
        ModelClient recorded;
        if (settings.replay != null) {
            TranscriptWriter transcript = TranscriptWriter.inRunFolder(store.runDir(runId), redactor);
            recorded = new RecordingModelClient(settings.replay, transcript, model);
        } else if (model.configured()) {
            recorded = ModelClients.recorded(model, settings.env, store.runDir(runId));
        } else {
            return null;
        }
        BudgetedModelClient.Pricing pricing = (name, in, out) -> model.priceTable().cost(model.model(), in, out);
        return new RunModelClient(runId, new BudgetedModelClient(recorded, ledger, pricing));
    }

    /**
     * Holds the repository's run lock for a command that changes runs, and clears what a killed process left
     * behind: a stale {@code index.lock} and lock files on Orchestra's own refs.
     */
    public RunLock lockForChanges(String command) {
        RunLock lock = RunLock.acquire(tree.dir(), command);
        GitIndexLocks.Cleanup cleanup = GitIndexLocks.clearStale(tree.repository(), Duration.ofMinutes(2));
        if (cleanup.outcome() != GitIndexLocks.Outcome.NONE) {
            progress(cleanup.message());
        }
        int refLocks = GitIndexLocks.clearOrchestraRefLocks(tree.repository());
        if (refLocks > 0) {
            progress("removed " + refLocks + " ref lock(s) a killed run left behind");
        }
        return lock;
    }

    /** The repository's workflows: shipped ones, the repository's own, and files. */
    public WorkflowCatalog workflows() {
        return new WorkflowCatalog(tree.dir(), new WorkflowLoader(toolAgentsWithModel()));
    }

    /** The agents a workflow may name, checked but never run here: model agents need a configured model. */
    private AgentRegistry toolAgentsWithModel() {
        ModelClient checkOnly = model.configured() || settings.replay != null ? request -> {
            throw new IllegalStateException("agents built to check a workflow never call the model");
        } : null;
        return ModelAgents.register(toolAgents.copy(), checkOnly, model.configured() ? model.settings() : null,
                reply -> 0.0);
    }

    /** The repository's run folders. */
    public RunStore runs() {
        return store;
    }

    /** The operator's run key, which signs every run state and the files kept beside it. */
    public RunKey runKey() {
        return runKey;
    }

    public WorkingTree tree() {
        return tree;
    }

    /** The model configuration in force (files and flags); {@code configured()} is false when there is none. */
    public ModelConfig model() {
        return model;
    }

    private void progress(String line) {
        settings.listener.progress(redactor.redact(line));
    }

    @Override
    public void close() {
        try {
            copies.close();
        } finally {
            tree.close();
        }
    }

    /** Builds an {@link Orchestra}; only the repository is required. */
    public static final class Builder {
        private final Path repository;
        private Map<String, String> env = Map.of();
        private Path home = Path.of(System.getProperty("user.home"));
        private RunKey runKey;
        private Map<String, String> modelFlags;
        private ModelClient replay;
        private AgentRegistry agents;
        private MavenLocator maven;
        private Sandbox sandbox = Sandbox.off();
        private GateKeeper gates = GateKeeper.NOBODY;
        private RunListener listener = line -> { };
        private Clock clock = Clock.systemUTC();
        private Path copiesRoot = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder(Path repository) {
            this.repository = repository;
        }

        /** The environment: model keys (by the names the config gives), the run key, and values to redact. */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /** The operator's home folder: where the run key and the user's model config live. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** The key run states are signed with (default: the operator's, from the environment or the home folder). */
        public Builder runKey(RunKey key) {
            this.runKey = key;
            return this;
        }

        /** The model, configured by these flags over the config files; without it the runs have no model. */
        public Builder model(Map<String, String> flags) {
            this.modelFlags = flags;
            return this;
        }

        /** A client that answers from a transcript instead of the configured provider (needs {@link #model}). */
        public Builder replay(ModelClient answers) {
            this.replay = answers;
            return this;
        }

        /** The tool agents (default: command, Maven, OpenRewrite and the static analyzers); model agents are added. */
        public Builder agents(AgentRegistry agents) {
            this.agents = agents;
            return this;
        }

        /** How Maven is found for the tool agents that run it (default: the system's). */
        public Builder maven(MavenLocator maven) {
            this.maven = maven;
            return this;
        }

        /** Where command agents run (default: no sandbox). */
        public Builder sandbox(Sandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** Who answers gates a human must pass (default: nobody, so the run waits there). */
        public Builder gateKeeper(GateKeeper gates) {
            this.gates = gates;
            return this;
        }

        public Builder listener(RunListener listener) {
            this.listener = listener;
            return this;
        }

        /** The clock of budgets and of the times the run records. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The folder under which the steps' isolated copies are made (default: the system's temp folder). */
        public Builder copiesUnder(Path folder) {
            this.copiesRoot = folder;
            return this;
        }

        public Orchestra build() {
            return new Orchestra(this);
        }
    }
}
