package dev.orchestra.cli;

import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.trust.RunKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The command line's settings for the engine: what the flags and the environment say, turned into an {@link Orchestra}. */
final class Session {
    private Session() {}

    /**
     * An engine for a command that runs a model or workflows.
     *
     * @param modelFlags the model flags ({@code model}, {@code base-url}, ...); the config files fill the rest
     * @param replay a client that answers from a transcript instead of the configured provider, or null
     * @param sandbox where command agents run (see {@link SandboxOption})
     */
    static Orchestra open(Path repo, PrintWriter err, Map<String, String> env, Map<String, String> modelFlags,
                          ModelClient replay, Sandbox sandbox, GateKeeper gates) {
        return Orchestra.builder(repo).env(env).model(modelFlags).replay(replay).sandbox(sandbox).gateKeeper(gates)
                .listener(new ProgressLines(err)).build();
    }

    /** An engine that only reads runs (status): no model, so no model key is needed; the run key comes from {@code env}. */
    static Orchestra readOnly(Path repo, PrintWriter err, Map<String, String> env) {
        Map<String, String> runKeyOnly = env.containsKey(RunKey.ENV) ? Map.of(RunKey.ENV, env.get(RunKey.ENV)) : Map.of();
        return Orchestra.builder(repo).env(runKeyOnly).listener(new ProgressLines(err)).build();
    }
}
