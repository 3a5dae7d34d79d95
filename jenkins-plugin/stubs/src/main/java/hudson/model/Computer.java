// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Computer.java
package hudson.model;

public abstract class Computer {
    public Node getNode() { throw new UnsupportedOperationException("stub"); }
}
