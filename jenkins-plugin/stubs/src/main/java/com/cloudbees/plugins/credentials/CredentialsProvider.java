// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
package com.cloudbees.plugins.credentials;

public abstract class CredentialsProvider {
    public static final hudson.security.Permission USE_ITEM = null;

    public static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C findCredentialById(String id, Class<C> type,
            hudson.model.Run<?, ?> run, java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements) { throw new UnsupportedOperationException("stub"); }

    public static <C extends Credentials> C track(hudson.model.Run build, C credentials) { throw new UnsupportedOperationException("stub"); }
}
