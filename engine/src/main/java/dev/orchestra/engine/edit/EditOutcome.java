package dev.orchestra.engine.edit;

import java.util.List;

/**
 * The result of applying a step's edits: all of them applied, or none (then the failures say why).
 *
 * @param changedFiles repository-relative paths written, when applied
 * @param failures every edit that did not apply; empty when applied
 */
public record EditOutcome(List<String> changedFiles, List<EditFailure> failures) {
    public EditOutcome {
        changedFiles = List.copyOf(changedFiles);
        failures = List.copyOf(failures);
    }

    public boolean applied() {
        return failures.isEmpty();
    }
}
