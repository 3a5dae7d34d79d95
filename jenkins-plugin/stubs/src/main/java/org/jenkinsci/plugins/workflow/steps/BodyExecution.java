// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecution.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class BodyExecution implements java.io.Serializable {}
