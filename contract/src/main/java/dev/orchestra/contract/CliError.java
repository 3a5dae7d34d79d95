package dev.orchestra.contract;

/**
 * What a command prints under {@code --json} when it fails before it has a run to report (bad input: exit 2; anything
 * else: exit 1), next to its one line {@code orchestra: ...} on stderr.
 *
 * @param error the one-line message
 * @param exitCode the command's exit code
 */
public record CliError(String error, int exitCode) {}
