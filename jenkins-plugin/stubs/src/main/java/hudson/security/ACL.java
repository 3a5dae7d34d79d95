// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/security/ACL.java
package hudson.security;

public abstract class ACL {
    public static final org.springframework.security.core.Authentication SYSTEM2 = null;
}
