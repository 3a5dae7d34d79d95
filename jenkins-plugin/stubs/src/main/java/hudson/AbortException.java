// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/AbortException.java
package hudson;

public class AbortException extends java.io.IOException {
    public AbortException() {}
    public AbortException(String message) { super(message); }
}
