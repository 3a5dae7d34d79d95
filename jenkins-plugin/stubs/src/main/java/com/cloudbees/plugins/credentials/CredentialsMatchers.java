// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java
package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {
    public static CredentialsMatcher withId(String id) { throw new UnsupportedOperationException("stub"); }
    public static CredentialsMatcher withScope(CredentialsScope scope) { throw new UnsupportedOperationException("stub"); }
    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) { throw new UnsupportedOperationException("stub"); }
}
