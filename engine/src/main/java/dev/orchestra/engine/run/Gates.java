package dev.orchestra.engine.run;

import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.gate.GateRequest;
import dev.orchestra.engine.json.CleanJson;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a run at a gate: auto-approves the gates no human is attached to, asks the gate keeper for
 * the others, and when nobody answers writes the request into the run folder and makes the run wait.
 * Every decision is recorded with who, when, and any edit.
 */
final class Gates {
    private final RunContext context;
    private final GateKeeper keeper;

    Gates(RunContext context, GateKeeper keeper) {
        this.context = context;
        this.keeper = keeper;
    }

    /** Goes on when the run may pass; otherwise the run waits at the gate, or stops because it was rejected. */
    PhaseOutcome pass(RunState state, Gate which, String question, String details) {
        String gate = which.id();
        String key = gate + "#" + state.fixIterations();
        if (state.passed(key)) {
            return PhaseOutcome.go();
        }
        if (!state.request().humanAt(which)) {
            record(state, new GateDecision(gate, true, "auto", Instant.now().toString(), true, null, 0));
            state.markPassed(key);
            context.progress("gate " + gate + ": auto-approved (no human attached)");
            return PhaseOutcome.go();
        }
        Path planFile = which == Gate.PLAN ? context.runDir(state).resolve("plan.md") : null;
        GateRequest request = new GateRequest(state.runId(), gate, question, details, planFile);
        Optional<GateAnswer> answer = keeper.ask(request);
        if (answer.isEmpty()) {
            return waitAt(state, request);
        }
        PhaseOutcome decided = apply(state, gate, answer.get());
        if (!decided.stops()) {
            state.markPassed(key);
        }
        return decided;
    }

    private PhaseOutcome apply(RunState state, String gate, GateAnswer answer) {
        String edit = null;
        if (answer.approved() && answer.editedPlan() != null) {
            edit = new PlanFiles(context).applyEdit(state, answer.editedPlan());
        }
        long waited = state.waitingSince() == null ? 0
                : Math.max(0, Duration.between(Instant.parse(state.waitingSince()), Instant.now()).toMillis());
        record(state, new GateDecision(gate, answer.approved(), answer.by(), Instant.now().toString(), false, edit, waited));
        context.progress("gate " + gate + ": " + (answer.approved() ? "approved" : "rejected") + " by " + answer.by()
                + (edit == null ? "" : " with an edited plan"));
        return answer.approved() ? PhaseOutcome.go()
                : PhaseOutcome.reject("rejected at the " + gate + " gate by " + answer.by());
    }

    private void record(RunState state, GateDecision decision) {
        state.recordDecision(decision);
    }

    private PhaseOutcome waitAt(RunState state, GateRequest request) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("runId", state.runId());
        file.put("gate", request.gate());
        file.put("question", request.question());
        file.put("details", request.details());
        file.put("plan", request.planFile() == null ? null : "plan.md");
        file.put("approve", "orchestra resume --run-id " + state.runId() + " --approve");
        file.put("reject", "orchestra resume --run-id " + state.runId() + " --reject");
        try {
            CleanJson.write(context.runDir(state).resolve("gates").resolve(request.gate() + ".request.json"), file,
                    context.redactor()::redact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.progress("gate " + request.gate() + ": waiting for a human — " + request.question());
        return PhaseOutcome.waitAtGate(request.gate());
    }

    /** A gate keeper that already holds the answer for the gate a run waits at. */
    record Answered(String gate, GateAnswer answer, GateKeeper others) implements GateKeeper {
        @Override
        public Optional<GateAnswer> ask(GateRequest request) {
            return request.gate().equals(gate) ? Optional.of(answer) : others.ask(request);
        }
    }
}
