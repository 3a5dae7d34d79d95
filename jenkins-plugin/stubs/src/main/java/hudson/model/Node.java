// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Node.java
package hudson.model;

public abstract class Node {
    public abstract hudson.FilePath getRootPath();
}
