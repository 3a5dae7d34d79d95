// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Run.java
package hudson.model;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    public JobT getParent() { throw new UnsupportedOperationException("stub"); }
    public int getNumber() { throw new UnsupportedOperationException("stub"); }
    public void setResult(Result r) { throw new UnsupportedOperationException("stub"); }
    public <T extends Cause> T getCause(Class<T> type) { throw new UnsupportedOperationException("stub"); }
    public final synchronized jenkins.model.ArtifactManager pickArtifactManager() throws java.io.IOException { throw new UnsupportedOperationException("stub"); }
    public synchronized void save() throws java.io.IOException { throw new UnsupportedOperationException("stub"); }
}
