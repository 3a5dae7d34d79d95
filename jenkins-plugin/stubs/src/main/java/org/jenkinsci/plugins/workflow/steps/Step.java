// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class Step {
    public abstract StepExecution start(StepContext context) throws Exception;
}
