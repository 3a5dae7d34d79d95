package dev.orchestra.cli;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.workflow.WorkflowCatalog;
import dev.orchestra.engine.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra workflows}: the workflow names {@code --workflow} accepts. */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "List the workflows --workflow accepts: the repository's .orchestra/workflows/ and the shipped ones.")
final class WorkflowsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", description = "The repository whose .orchestra/workflows/ to include (default: the current directory).")
    Path repo = Path.of(".");

    @Option(names = "--json", description = "Print exactly one JSON object on stdout: {\"workflows\": [names]}.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws java.io.IOException {
        WorkflowLoader loader = new WorkflowLoader(AgentRegistry.withToolAgents(MavenLocator.fromSystem()));
        WorkflowCatalog catalog = new WorkflowCatalog(repo, loader);
        if (json) {
            spec.commandLine().getOut().println(dev.orchestra.engine.run.Json.MAPPER.writeValueAsString(
                    java.util.Map.of("workflows", catalog.available())));
        } else {
            catalog.available().forEach(name -> spec.commandLine().getOut().println(name));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
