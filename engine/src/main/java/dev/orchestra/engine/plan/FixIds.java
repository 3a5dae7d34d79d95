package dev.orchestra.engine.plan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Renames a fix plan's steps ({@code fixN-<id>}) so they never collide with the steps that landed. */
final class FixIds {
    private FixIds() {}

    static Plan prefix(Plan plan, String prefix) {
        Set<String> ids = plan.steps().stream().map(Step::id).collect(Collectors.toSet());
        List<Step> steps = plan.steps().stream().map(step -> new Step(prefix + step.id(), step.agent(), step.instructions(),
                step.scope(), step.needs().stream().filter(ids::contains).map(n -> prefix + n).toList(), step.with(),
                step.acceptance(), step.env())).toList();
        return new Plan(plan.name(), plan.description(), steps);
    }
}
