package dev.orchestra.cli;

import dev.orchestra.engine.run.RunState;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --sandbox} flag of the commands that start runs. The sandbox is chosen (and bubblewrap tried) before
 * anything else, so {@code required} on a machine without a usable one changes nothing.
 */
public final class SandboxOption {
    @Option(names = "--sandbox", paramLabel = "auto|required|off",
            description = "Run command steps in a sandbox (bubblewrap: the step's copy writable, the rest read-only, "
                    + "no network unless the step asks): auto (default) when this machine has a usable one, "
                    + "required (refuse to start without one), or off.")
    String sandbox;

    /** The sandbox the flag asks for, or {@code fallback}'s mode without the flag. */
    Sandbox choose(Map<String, String> env, SandboxMode fallback) {
        SandboxMode mode = sandbox == null ? fallback : SandboxMode.parse("--sandbox", sandbox);
        return Sandbox.choose(mode, env);
    }

    /** The sandbox a run that already started keeps using: the mode it recorded (auto for runs from before). */
    static Sandbox ofRun(RunState state, Map<String, String> env) {
        SandboxMode mode = state.sandbox == null ? SandboxMode.AUTO : SandboxMode.parse("sandbox", state.sandbox.mode());
        return Sandbox.choose(mode, env);
    }
}
