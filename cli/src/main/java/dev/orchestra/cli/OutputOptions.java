package dev.orchestra.cli;

import picocli.CommandLine.Option;

/** How every command prints: {@code --json} and {@code --debug}, declared once for all of them. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print exactly one JSON object on stdout; progress stays on stderr.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
