// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/security/Permission.java
package hudson.security;

public final class Permission {
    private Permission() {}
}
