// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecutionCallback.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class BodyExecutionCallback implements java.io.Serializable {
    public abstract void onSuccess(StepContext context, Object result);
    public abstract void onFailure(StepContext context, Throwable t);
}
