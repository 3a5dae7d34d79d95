// Signature stub (compile check only, never shipped) of jenkinsci/plain-credentials-plugin: src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
package org.jenkinsci.plugins.plaincredentials;

public interface StringCredentials extends com.cloudbees.plugins.credentials.common.StandardCredentials {
    hudson.util.Secret getSecret();
}
