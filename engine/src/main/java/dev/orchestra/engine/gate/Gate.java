package dev.orchestra.engine.gate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.orchestra.engine.BadInputException;
import java.util.Locale;

/** The three places a run stops for a human: written in lower case everywhere a user sees them ({@code --gates plan,pr}). */
public enum Gate {
    /** Before any work: approve, edit or reject the plan. */
    PLAN,
    /** Before the integrated patches land on the run branch. */
    PATCH,
    /** Before anything leaves the workspace: the validated result is ready for review. */
    PR;

    /** The gate's name as users write it: {@code plan}, {@code patch}, {@code pr}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The gate named {@code id} (any case); an unknown name is bad input naming the known ones. */
    @JsonCreator
    public static Gate of(String id) {
        for (Gate gate : values()) {
            if (gate.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return gate;
            }
        }
        throw new BadInputException("--gates: unknown gate '" + id + "' (known: plan, patch, pr, or none)");
    }

    /** True when {@code id} names this gate. */
    public boolean is(String id) {
        return id().equals(id);
    }

    @Override
    public String toString() {
        return id();
    }
}
