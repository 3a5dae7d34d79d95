package dev.orchestra.engine.gate;

import java.nio.file.Path;

/**
 * A question to a human at a gate.
 *
 * @param runId the run
 * @param gate {@code plan}, {@code patch} or {@code pr}
 * @param question one line, e.g. "Approve the plan?"
 * @param details what to look at: the plan, the diff stat, the test comparison (markdown)
 * @param planFile the plan.md a human may edit (plan gate only), else null
 */
public record GateRequest(String runId, String gate, String question, String details, Path planFile) {}
