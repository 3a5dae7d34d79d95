// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/util/BuildListenerAdapter.java
package jenkins.util;

public final class BuildListenerAdapter implements hudson.model.BuildListener {
    public static hudson.model.BuildListener wrap(hudson.model.TaskListener l) { throw new UnsupportedOperationException("stub"); }
    @Override public java.io.PrintStream getLogger() { throw new UnsupportedOperationException("stub"); }
}
