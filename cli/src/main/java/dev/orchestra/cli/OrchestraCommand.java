package dev.orchestra.cli;

import picocli.CommandLine.Command;

/** The top command: lists the subcommands and the exit codes. */
@Command(name = "orchestra",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs a team of coding agents on a git branch: plan, delegate, integrate, validate, bundle.",
        subcommands = {RunCommand.class, ResumeCommand.class, StatusCommand.class, DemoCommand.class,
                WorkflowsCommand.class},
        footer = {"", ExitCodes.HELP, "",
                "Every command takes --json: exactly one JSON object on stdout, progress on stderr."})
public final class OrchestraCommand {}
