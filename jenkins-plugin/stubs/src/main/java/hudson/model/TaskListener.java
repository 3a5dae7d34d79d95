// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/TaskListener.java
package hudson.model;

public interface TaskListener extends java.io.Serializable {
    java.io.PrintStream getLogger();
}
