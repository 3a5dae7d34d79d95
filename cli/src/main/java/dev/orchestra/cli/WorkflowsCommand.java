package dev.orchestra.cli;

import dev.orchestra.engine.agent.AgentRegistry;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.workflow.WorkflowCatalog;
import dev.orchestra.engine.workflow.WorkflowLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code orchestra workflows}: the workflow names {@code --workflow} accepts. */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "List the workflows --workflow accepts: the repository's .orchestra/workflows/ and the shipped ones.")
final class WorkflowsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @Override
    public Integer call() throws java.io.IOException {
        WorkflowLoader loader = new WorkflowLoader(AgentRegistry.withToolAgents(MavenLocator.fromSystem()));
        WorkflowCatalog catalog = new WorkflowCatalog(common.repo, loader);
        if (common.json()) {
            spec.commandLine().getOut().println(dev.orchestra.engine.json.Json.MAPPER.writeValueAsString(
                    java.util.Map.of("workflows", catalog.available())));
        } else {
            catalog.available().forEach(name -> spec.commandLine().getOut().println(name));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
