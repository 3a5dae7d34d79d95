// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/model/GlobalConfiguration.java
package jenkins.model;

public abstract class GlobalConfiguration {
    public synchronized void load() { throw new UnsupportedOperationException("stub"); }
    public String getDisplayName() { throw new UnsupportedOperationException("stub"); }
    public synchronized void save() { throw new UnsupportedOperationException("stub"); }
}
