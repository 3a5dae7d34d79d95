// Signature stub (compile check only, never shipped) of jenkinsci/workflow-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
package org.jenkinsci.plugins.workflow.graph;

public abstract class FlowNode extends hudson.model.Actionable {}
