package dev.orchestra.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options the commands that work on one repository share: {@code --repo}, and the {@link OutputOptions}. */
public final class CommonOptions {
    @Option(names = "--repo", description = "The git repository to work on (default: the current directory).")
    Path repo = Path.of(".");

    @Mixin
    OutputOptions output;

    boolean json() {
        return output.json;
    }
}
