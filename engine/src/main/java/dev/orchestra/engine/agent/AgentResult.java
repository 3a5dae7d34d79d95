package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import java.util.List;

/**
 * What an agent reports: did the work succeed, a one-line summary, structured notes (findings of an
 * analyzer, warnings of a tool) and what it used.
 */
public record AgentResult(Status status, String summary, List<Note> notes, Usage usage) {
    /** SUCCEEDED: the copy holds the step's result (possibly no change). FAILED: it must not land. */
    public enum Status { SUCCEEDED, FAILED }

    public AgentResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        usage = usage == null ? Usage.NONE : usage;
    }

    public static AgentResult succeeded(String summary, List<Note> notes, Usage usage) {
        return new AgentResult(Status.SUCCEEDED, summary, notes, usage);
    }

    public static AgentResult failed(String summary, Usage usage) {
        return new AgentResult(Status.FAILED, summary, List.of(), usage);
    }
}
