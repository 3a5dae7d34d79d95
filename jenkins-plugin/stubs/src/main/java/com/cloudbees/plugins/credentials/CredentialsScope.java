// Signature stub (compile check only, never shipped) of jenkinsci/credentials-plugin: src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java
package com.cloudbees.plugins.credentials;

public enum CredentialsScope { SYSTEM, GLOBAL, USER }
