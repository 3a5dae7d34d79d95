package dev.orchestra.cli;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.run.RunContext;
import dev.orchestra.engine.run.RunListener;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.PrintWriter;
import java.nio.file.Path;

/** One command's connection to the engine: the repository, its runs, the agents, progress on stderr. */
final class Session implements AutoCloseable {
    private final WorkingTree tree;
    private final RunContext context;

    Session(Path repo, PrintWriter err) {
        this.tree = WorkingTree.open(repo);
        AgentRegistry agents = AgentRegistry.withToolAgents(MavenLocator.fromSystem());
        RunListener listener = line -> {
            err.println("[orchestra] " + line);
            err.flush();
        };
        Path copies = Path.of(System.getProperty("java.io.tmpdir")).resolve("orchestra-copies");
        this.context = new RunContext(tree, new RunStore(tree.dir()), agents, new WorkflowLoader(agents), copies, listener);
    }

    RunContext context() {
        return context;
    }

    WorkingTree tree() {
        return tree;
    }

    @Override
    public void close() {
        tree.close();
    }
}
