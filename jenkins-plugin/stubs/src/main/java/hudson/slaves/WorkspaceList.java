// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/slaves/WorkspaceList.java
package hudson.slaves;

public final class WorkspaceList {
    public static hudson.FilePath tempDir(hudson.FilePath ws) { throw new UnsupportedOperationException("stub"); }
}
