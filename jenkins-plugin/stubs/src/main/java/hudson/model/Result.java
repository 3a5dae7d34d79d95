// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Result.java
package hudson.model;

public final class Result implements java.io.Serializable {
    public static final Result UNSTABLE = null;
    private Result() {}
}
