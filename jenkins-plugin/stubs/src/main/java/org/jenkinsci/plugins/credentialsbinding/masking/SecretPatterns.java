// Signature stub (compile check only, never shipped) of jenkinsci/credentials-binding-plugin: src/main/java/org/jenkinsci/plugins/credentialsbinding/masking/SecretPatterns.java
package org.jenkinsci.plugins.credentialsbinding.masking;

public class SecretPatterns {
    public static java.util.regex.Pattern getAggregateSecretPattern(java.util.Collection<String> inputs) { throw new UnsupportedOperationException("stub"); }
}
