package dev.orchestra.engine.metrics;

import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Time from the run's creation to "ready for review": the moment the {@code pr} gate was asked. Taken
 * from the recorded {@code pr} decision (its time minus its wait), or from {@code waitingSince} while the
 * run waits at that gate; null before the run gets there or when the times are missing.
 */
final class ReadyForReview {
    private ReadyForReview() {}

    static Long millis(RunState state) {
        Instant created = instant(state.createdAt());
        Instant asked = askedAt(state);
        if (created == null || asked == null) {
            return null;
        }
        return Math.max(0, Duration.between(created, asked).toMillis());
    }

    private static Instant askedAt(RunState state) {
        GateDecision pr = state.decision(Gate.PR.id());
        if (pr != null) {
            Instant decided = instant(pr.at());
            return decided == null ? null : decided.minusMillis(pr.waitedMillis());
        }
        if (state.status() == RunStatus.WAITING_GATE && Gate.PR.is(state.waitingFor())) {
            return instant(state.waitingSince());
        }
        return null;
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
