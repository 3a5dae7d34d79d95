package dev.orchestra.engine.gate;

/**
 * A recorded gate decision.
 *
 * @param gate {@code plan}, {@code patch} or {@code pr}
 * @param approved true to go on
 * @param by who decided ({@code auto} when no human was attached)
 * @param at ISO-8601 instant
 * @param automatic true when the gate was auto-approved (gates off)
 * @param edit run-folder-relative path of an edited plan, or null
 * @param waitedMillis how long the run waited at this gate
 */
public record GateDecision(String gate, boolean approved, String by, String at, boolean automatic,
                           String edit, long waitedMillis) {}
