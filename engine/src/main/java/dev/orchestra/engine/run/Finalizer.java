package dev.orchestra.engine.run;

import dev.orchestra.engine.bundle.BundleWriter;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the bundle of every run that finished: done, failed, rejected, escalated or out of budget. */
final class Finalizer {
    private final RunContext context;

    Finalizer(RunContext context) {
        this.context = context;
    }

    void writeBundle(RunState state) {
        CrashPoints.reach("finalize.before-bundle");
        try {
            new BundleWriter(context.redactor()).write(state, context.tree().repository(), context.runDir(state),
                    context.runDir(state).resolve("bundle"));
            CrashPoints.reach("finalize.after-bundle");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle of run " + state.runId(), e);
        }
    }

    /** The last progress line of a run. */
    static String oneLine(RunState state) {
        String status = state.status().name().toLowerCase();
        return "run " + state.runId() + ": " + status + (state.failure() == null ? "" : " — " + state.failure());
    }
}
