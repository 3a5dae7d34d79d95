package dev.orchestra.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** The top command: lists the subcommands and the exit codes. */
@Command(name = "orchestra",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs a team of coding agents on a git branch: plan, delegate, integrate, validate, bundle.",
        subcommands = {RunCommand.class, ResumeCommand.class, StatusCommand.class, DemoCommand.class,
                WorkflowsCommand.class, ReplayCommand.class, PublishCommand.class, BatchCommand.class, RollupCommand.class,
                ReworkCommand.class, ExportCommand.class, ImportCommand.class},
        footer = {"", ExitCodes.HELP, "",
                "Every command takes --json: exactly one JSON object on stdout, progress on stderr."})
public final class OrchestraCommand {
    private final Map<String, String> env;

    OrchestraCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment the command reads keys and settings from. */
    Map<String, String> env() {
        return env;
    }
}
