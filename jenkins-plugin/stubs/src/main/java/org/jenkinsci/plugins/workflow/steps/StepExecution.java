// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class StepExecution implements java.io.Serializable {
    protected StepExecution(StepContext context) {}
    public StepContext getContext() { throw new UnsupportedOperationException("stub"); }
    public abstract boolean start() throws Exception;
    public void stop(Throwable cause) throws Exception { throw new UnsupportedOperationException("stub"); }
    public void onResume() {}
}
