// Signature stub (compile check only, never shipped) of jenkinsci/workflow-step-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/steps/FlowInterruptedException.java
package org.jenkinsci.plugins.workflow.steps;

public final class FlowInterruptedException extends InterruptedException {}
