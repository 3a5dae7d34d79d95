// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
package com.cloudbees.plugins.credentials.common;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends hudson.util.ListBoxModel {
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() { throw new UnsupportedOperationException("stub"); }
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(org.springframework.security.core.Authentication authentication,
            hudson.model.Item context, Class<? extends C> type,
            java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements) { throw new UnsupportedOperationException("stub"); }
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(org.springframework.security.core.Authentication authentication,
            hudson.model.ItemGroup context, Class<? extends C> type,
            java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements) { throw new UnsupportedOperationException("stub"); }
    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(org.springframework.security.core.Authentication authentication,
            hudson.model.ItemGroup context, Class<? extends C> type,
            java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements,
            com.cloudbees.plugins.credentials.CredentialsMatcher matcher) { throw new UnsupportedOperationException("stub"); }
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) { throw new UnsupportedOperationException("stub"); }
}
