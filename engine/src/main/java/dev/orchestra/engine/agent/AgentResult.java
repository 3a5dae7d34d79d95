package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import java.util.List;

/**
 * What an agent reports: did the work succeed, a one-line summary, structured notes (findings of an
 * analyzer, warnings of a tool), what it used, and the policy refusals on the way (an answer that touched a file
 * outside the step, refused and asked again), kept on record whatever the outcome.
 */
public record AgentResult(Status status, String summary, List<Note> notes, Usage usage, List<String> refusals) {
    /** SUCCEEDED: the copy holds the step's result (possibly no change). FAILED: it must not land. */
    public enum Status { SUCCEEDED, FAILED }

    public AgentResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        usage = usage == null ? Usage.NONE : usage;
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    public static AgentResult succeeded(String summary, List<Note> notes, Usage usage) {
        return new AgentResult(Status.SUCCEEDED, summary, notes, usage, List.of());
    }

    public static AgentResult failed(String summary, Usage usage) {
        return new AgentResult(Status.FAILED, summary, List.of(), usage, List.of());
    }

    /** This result with the refusals met on the way. */
    public AgentResult withRefusals(List<String> met) {
        return new AgentResult(status, summary, notes, usage, met);
    }
}
