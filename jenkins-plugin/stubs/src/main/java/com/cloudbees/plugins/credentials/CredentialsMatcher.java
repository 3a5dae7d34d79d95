// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/CredentialsMatcher.java
package com.cloudbees.plugins.credentials;

public interface CredentialsMatcher extends java.io.Serializable {
    boolean matches(Credentials item);
}
