package dev.orchestra.engine.state;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.util.List;

/**
 * Which variables a step's agent gets beyond the harmless ones: those its step names ({@code env:}) and the
 * operator passes ({@code --pass-env}). A workflow can come from the repository, so naming a variable is not enough.
 */
public final class PassedVariables {
    private PassedVariables() {}

    /** Refuses a plan with a step that names a variable the operator does not pass. */
    public static void check(Plan plan, List<String> passed) {
        for (Step step : plan.steps()) {
            for (String name : step.env()) {
                if (!passed.contains(name)) {
                    throw new BadInputException("step '" + step.id() + "' asks for " + name + " (env:), which the run"
                            + " does not pass; add --pass-env " + name + " if its agent may have it");
                }
            }
        }
    }

    public static List<String> of(Step step, List<String> passed) {
        return step.env().stream().filter(passed::contains).toList();
    }
}
