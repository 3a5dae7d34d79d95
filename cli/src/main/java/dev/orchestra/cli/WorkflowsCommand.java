package dev.orchestra.cli;

import dev.orchestra.engine.workflow.WorkflowCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code orchestra workflows}: lists the shipped workflows. */
@Command(name = "workflows", mixinStandardHelpOptions = true, description = "List the workflows shipped with Orchestra.")
final class WorkflowsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        WorkflowCatalog.shipped().forEach(name -> spec.commandLine().getOut().println(name));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
