package dev.orchestra.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Collections;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The model provider's key: a Secret Text credential, looked up for a build, offered and checked in forms. A job's
 * form lists what the job's builds can use (as the job's authentication); the global default, which every build
 * uses, lists only credentials of global scope.
 */
final class ApiKeyCredentials {
    private static final List<DomainRequirement> ANY_DOMAIN = Collections.emptyList();

    private ApiKeyCredentials() {}

    /** The key's plain text for this build, or null when no credential is configured. */
    static String resolve(String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class,
                run, ANY_DOMAIN);
        if (credentials == null) {
            throw new AbortException("credentialsId '" + credentialsId
                    + "': no Secret Text credential with this id is available to this build");
        }
        CredentialsProvider.track(run, credentials);
        return credentials.getSecret().getPlainText();
    }

    /** Whoever may configure {@code item} (or Jenkins, when null) may see the credentials' ids and check values. */
    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The Secret Text credentials the builds of {@code item} (every build, when null) can use. */
    static ListBoxModel choices(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayConfigure(item)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, ANY_DOMAIN,
                    CredentialsMatchers.withScope(CredentialsScope.GLOBAL));
        } else {
            model.includeAs(authenticationOf(item), item, StringCredentials.class, ANY_DOMAIN);
        }
        model.includeCurrentValue(current);
        return model;
    }

    /** An error when no build of {@code item} (no build, when null) could use the credential {@code id}. */
    static FormValidation check(Item item, String id) {
        if (!mayConfigure(item) || id == null || id.isBlank() || id.contains("${")) {
            return FormValidation.ok();
        }
        ListBoxModel found = item == null
                ? CredentialsProvider.listCredentialsInItemGroup(StringCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                        ANY_DOMAIN, CredentialsMatchers.allOf(CredentialsMatchers.withId(id),
                                CredentialsMatchers.withScope(CredentialsScope.GLOBAL)))
                : CredentialsProvider.listCredentialsInItem(StringCredentials.class, item, authenticationOf(item),
                        ANY_DOMAIN, CredentialsMatchers.withId(id));
        return found.isEmpty() ? FormValidation.error(StepTexts.get("Credentials.NotFound")) : FormValidation.ok();
    }

    /** The authentication the item's builds run as. */
    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
