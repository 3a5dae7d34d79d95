// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class StepContext implements java.io.Serializable {
    public abstract <T> T get(Class<T> key) throws java.io.IOException, InterruptedException;
    public abstract void onSuccess(Object result);
    public abstract void onFailure(Throwable t);
    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;
    public boolean hasBody() { throw new UnsupportedOperationException("stub"); }
}
