// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/util/Secret.java
package hudson.util;

public final class Secret implements java.io.Serializable {
    public String getPlainText() { throw new UnsupportedOperationException("stub"); }
}
