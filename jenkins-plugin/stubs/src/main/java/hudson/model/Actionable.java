// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Actionable.java
package hudson.model;

public abstract class Actionable {
    public void addAction(Action a) { throw new UnsupportedOperationException("stub"); }
    public boolean addOrReplaceAction(Action a) { throw new UnsupportedOperationException("stub"); }
    public <T extends Action> T getAction(Class<T> type) { throw new UnsupportedOperationException("stub"); }
}
