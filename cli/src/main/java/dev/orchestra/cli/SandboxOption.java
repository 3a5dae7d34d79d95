package dev.orchestra.cli;

import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.engine.state.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --sandbox} flag of the commands that start runs. The sandbox is chosen (and bubblewrap tried) before
 * anything else, so {@code required} on a machine without a usable one changes nothing.
 */
public final class SandboxOption {
    /** The operator's Orchestra folder (run key, home config): out of sight of sandboxed commands. */
    private static final List<Path> OPERATOR_FOLDERS = List.of(Path.of(System.getProperty("user.home"), ".orchestra"));

    @Option(names = "--sandbox", paramLabel = "auto|required|off",
            description = "Run command steps in a sandbox (bubblewrap: the step's copy writable, the rest read-only, "
                    + "no network unless the step asks): auto (default) when this machine has a usable one, "
                    + "required (refuse to start without one), or off.")
    String sandbox;

    /** The sandbox the flag asks for, or {@code fallback}'s mode without the flag. */
    Sandbox choose(Map<String, String> env, SandboxMode fallback) {
        SandboxMode mode = sandbox == null ? fallback : SandboxMode.parse("--sandbox", sandbox);
        return Sandbox.choose(mode, env).hiding(OPERATOR_FOLDERS);
    }

    /** The sandbox a run that already started keeps using: the mode it recorded (auto for runs from before). */
    static Sandbox ofRun(RunState state, Map<String, String> env) {
        SandboxMode mode = state.sandbox() == null ? SandboxMode.AUTO : SandboxMode.parse("sandbox", state.sandbox().mode());
        return Sandbox.choose(mode, env).hiding(OPERATOR_FOLDERS);
    }
}
