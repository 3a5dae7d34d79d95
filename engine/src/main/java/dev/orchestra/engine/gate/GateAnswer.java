package dev.orchestra.engine.gate;

import java.nio.file.Path;

/**
 * A human's answer at a gate.
 *
 * @param approved go on (true) or stop the run (false)
 * @param by who answered
 * @param editedPlan an edited plan.md to use instead of the proposed plan (plan gate only), or null
 */
public record GateAnswer(boolean approved, String by, Path editedPlan) {}
