package dev.orchestra.jenkins.run;

import java.util.List;
import java.util.Locale;

/** The phases of the {@code orchestrate} step; each is one or more calls of the {@code orchestra} command line. */
public enum Phase {
    /** Starts a run with the plan, patch and pr gates and stops at the plan gate. */
    PLAN,
    /**
     * Answers the plan gate (the plan maybe edited) or, with {@code gate: 'patch'}, the patch gate, then goes on,
     * running the body for each validation, until the next gate.
     */
    IMPLEMENT,
    /** Answers the pr gate: the bundle is written. */
    FINALIZE,
    /** Everything in one go, with no gates. */
    RUN;

    /** The gates in the order a run reaches them. */
    static final List<String> GATES = List.of("plan", "patch", "pr");

    /** The phase named by a step argument; null or blank means {@link #RUN}. */
    public static Phase parse(String name) {
        if (name == null || name.isBlank()) {
            return RUN;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadStepArgumentException("phase '" + name + "': must be plan, implement, finalize or run");
        }
    }

    /** True for the phases that start a run ({@code plan}, {@code run}); the others continue one. */
    public boolean startsRun() {
        return this == PLAN || this == RUN;
    }

    /** The gates a call of this phase may answer, its default first; none for {@link #PLAN} and {@link #RUN}. */
    List<String> answerable() {
        return switch (this) {
            case PLAN, RUN -> List.of();
            case IMPLEMENT -> List.of("plan", "patch");
            case FINALIZE -> List.of("pr");
        };
    }

    /** How a Jenkinsfile answers a gate: the step call that approves it. */
    static String callThatAnswers(String gate) {
        return switch (gate) {
            case "plan" -> "phase: 'implement'";
            case "patch" -> "phase: 'implement', gate: 'patch'";
            default -> "phase: 'finalize'";
        };
    }

    /** The name used in step arguments and logs. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
