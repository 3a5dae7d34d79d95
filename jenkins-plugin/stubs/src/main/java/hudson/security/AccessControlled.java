// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/security/AccessControlled.java
package hudson.security;

public interface AccessControlled {
    default boolean hasPermission(Permission p) { throw new UnsupportedOperationException("stub"); }
}
