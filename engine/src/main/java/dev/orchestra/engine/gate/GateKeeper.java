package dev.orchestra.engine.gate;

import java.util.Optional;

/** Who answers gates: a terminal prompt, or nobody (the run then waits and the CLI exits 10). */
public interface GateKeeper {
    /** An answer now, or empty when nobody can answer now and the run must wait. */
    Optional<GateAnswer> ask(GateRequest request);

    /** Nobody answers now: every gate that needs a human makes the run wait. */
    GateKeeper NOBODY = request -> Optional.empty();
}
