// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
package com.cloudbees.plugins.credentials;

public abstract class CredentialsProvider {
    public static final hudson.security.Permission USE_ITEM = null;

    public static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C findCredentialById(String id, Class<C> type,
            hudson.model.Run<?, ?> run, java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements) { throw new UnsupportedOperationException("stub"); }

    public static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> hudson.util.ListBoxModel listCredentialsInItem(
            Class<C> type, hudson.model.Item item, org.springframework.security.core.Authentication authentication,
            java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) { throw new UnsupportedOperationException("stub"); }

    public static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> hudson.util.ListBoxModel listCredentialsInItemGroup(
            Class<C> type, hudson.model.ItemGroup itemGroup, org.springframework.security.core.Authentication authentication,
            java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) { throw new UnsupportedOperationException("stub"); }

    public static <C extends Credentials> C track(hudson.model.Run build, C credentials) { throw new UnsupportedOperationException("stub"); }
}
