// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/EnvVars.java
package hudson;

public class EnvVars extends java.util.TreeMap<String, String> {
    public EnvVars() {}
    public EnvVars(java.util.Map<String, String> m) { }
}
