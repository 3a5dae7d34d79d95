package dev.orchestra.engine.agent;

import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.policy.PathGlob;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a model agent's step names: existing files it may change ({@code with: files}) and files
 * it may create ({@code with: new-files}); in a workflow, the plain paths of its {@code scope} too.
 */
record ModelStepFiles(List<String> existing, List<String> created, List<String> scopeGlobs) {

    static ModelStepFiles of(Step step) {
        StepParams params = new StepParams(step);
        Set<String> existing = new LinkedHashSet<>(params.strings("files", false));
        List<String> globs = new ArrayList<>();
        for (String entry : step.scope()) {
            if (entry.matches(".*[*?\\[{].*")) {
                globs.add(entry);
            } else {
                existing.add(entry);
            }
        }
        return new ModelStepFiles(List.copyOf(existing), params.strings("new-files", false), List.copyOf(globs));
    }

    /** The files the agent sees in full: every named file. */
    List<String> focus() {
        List<String> all = new ArrayList<>(existing);
        created.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return all;
    }

    boolean allows(String path) {
        return focus().contains(path) || scopeGlobs.stream()
                .anyMatch(glob -> PathGlob.of(glob, "the step's scope").matches(path));
    }

    /** A line or two for the prompt: what the agent may change and create. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (!existing.isEmpty()) {
            text.append("You may change: ").append(String.join(", ", existing)).append('\n');
        }
        if (!created.isEmpty()) {
            text.append("You may create: ").append(String.join(", ", created)).append('\n');
        }
        if (!scopeGlobs.isEmpty()) {
            text.append("You may also change files matching: ").append(String.join(", ", scopeGlobs)).append('\n');
        }
        return text.toString();
    }
}
