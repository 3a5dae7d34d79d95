package dev.orchestra.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares. */
public final class CommonOptions {
    @Option(names = "--repo", description = "The git repository to work on (default: the current directory).")
    Path repo = Path.of(".");

    @Option(names = "--json", description = "Print exactly one JSON object on stdout; progress stays on stderr.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
