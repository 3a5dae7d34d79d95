package dev.orchestra.jenkins.run;

import java.util.Locale;

/** The phases of the {@code orchestrate} step; each is one or more calls of the {@code orchestra} command line. */
public enum Phase {
    /** Starts a run with the plan and pr gates and stops at the plan gate. */
    PLAN,
    /** Approves the plan (maybe edited), runs the steps and the validation loop, stops at the pr gate. */
    IMPLEMENT,
    /** Approves the pr gate: the bundle is written. */
    FINALIZE,
    /** Everything in one go, with no gates. */
    RUN;

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

    /** The gate this phase answers with an approval, or null when it approves none ({@link #RUN}: every gate). */
    boolean approves(String gate) {
        return switch (this) {
            case PLAN -> false;
            case IMPLEMENT -> "plan".equals(gate);
            case FINALIZE -> "pr".equals(gate);
            case RUN -> true;
        };
    }

    /** The name used in step arguments and logs. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
