// Signature stub (compile check only, never shipped) of jenkinsci/remoting: src/main/java/hudson/remoting/Callable.java
package hudson.remoting;

public interface Callable<V, T extends Throwable> extends java.io.Serializable {
    V call() throws T;
}
