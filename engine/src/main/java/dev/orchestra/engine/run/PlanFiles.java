package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.CleanJson;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.PassedVariables;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.workflow.PlanMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The plan as files in the run folder: {@code plan.json} for machines, {@code plan.md} for the plan gate. */
final class PlanFiles {
    private final RunContext context;

    PlanFiles(RunContext context) {
        this.context = context;
    }

    void write(RunState state) {
        Path dir = context.runDir(state);
        try {
            CleanJson.write(dir.resolve("plan.json"), state.plan(), context.redactor()::redact);
            Json.writeAtomically(dir.resolve("plan.md"), context.redactor()
                    .redact(PlanMarkdown.render(state.plan(), state.task())).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few lines for the gate: the steps and their agents. */
    String summary(RunState state) {
        StringBuilder text = new StringBuilder("Plan '" + state.plan().name() + "', " + state.plan().steps().size() + " steps:\n");
        int n = 1;
        for (Step step : state.plan().steps()) {
            text.append(n++).append(". ").append(step.id()).append(" (").append(step.agent()).append(")");
            if (!step.needs().isEmpty()) {
                text.append(" after ").append(String.join(", ", step.needs()));
            }
            text.append('\n');
        }
        return text.append("Full plan: ").append(context.runDir(state).resolve("plan.md")).toString();
    }

    /**
     * Replaces the plan with a human's edit of plan.md, validated like any plan; keeps a copy of the
     * edit in the run folder and returns its run-folder-relative path.
     */
    String applyEdit(RunState state, Path editedPlan) {
        String markdown;
        try {
            markdown = Files.readString(editedPlan);
        } catch (IOException e) {
            throw new BadInputException("--edited-plan " + editedPlan + ": cannot read (" + e.getMessage() + ")");
        }
        Plan plan = PlanMarkdown.parse(markdown, editedPlan.toString(), context.loader());
        PassedVariables.check(plan, state.request().passEnv());
        Path copy = context.runDir(state).resolve("gates").resolve("plan.edited.md");
        try {
            Json.writeAtomically(copy, context.redactor().redact(markdown).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.usePlan(plan, state.planSummary());
        write(state);
        return context.runDir(state).relativize(copy).toString().replace('\\', '/');
    }
}
