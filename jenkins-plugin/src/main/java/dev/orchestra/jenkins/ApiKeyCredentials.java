package dev.orchestra.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.Collections;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The model provider's key: a Secret Text credential, looked up for a build, offered in forms. */
final class ApiKeyCredentials {
    private ApiKeyCredentials() {}

    /** The key's plain text for this build, or null when no credential is configured. */
    static String resolve(String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class,
                run, Collections.<DomainRequirement>emptyList());
        if (credentials == null) {
            throw new AbortException("credentialsId '" + credentialsId
                    + "': no Secret Text credential with this id is available to this build");
        }
        CredentialsProvider.track(run, credentials);
        return credentials.getSecret().getPlainText();
    }

    /** The Secret Text credentials a user who may configure {@code item} (or Jenkins, when null) can choose. */
    static ListBoxModel choices(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        if (item == null) {
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, Collections.<DomainRequirement>emptyList());
        } else {
            model.includeAs(ACL.SYSTEM2, item, StringCredentials.class, Collections.<DomainRequirement>emptyList());
        }
        model.includeCurrentValue(current);
        return model;
    }
}
