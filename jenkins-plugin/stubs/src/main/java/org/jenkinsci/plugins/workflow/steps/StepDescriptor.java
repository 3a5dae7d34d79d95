// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class StepDescriptor {
    public abstract java.util.Set<? extends Class<?>> getRequiredContext();
    public abstract String getFunctionName();
    public String getDisplayName() { throw new UnsupportedOperationException("stub"); }
    public boolean takesImplicitBlockArgument() { throw new UnsupportedOperationException("stub"); }
}
