package dev.orchestra.jenkins;

import hudson.util.FormValidation;

/** A {@link dev.orchestra.jenkins.form.FormChecks} answer as the form shows it. */
final class FormValidationOf {
    private FormValidationOf() {}

    static FormValidation problem(String problem) {
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}
