// Signature stub (compile check only, never shipped) of jenkinsci/workflow-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
package org.jenkinsci.plugins.workflow.actions;

public class WarningAction implements hudson.model.Action {
    public WarningAction(hudson.model.Result result) { throw new UnsupportedOperationException("stub"); }
    public WarningAction withMessage(String message) { throw new UnsupportedOperationException("stub"); }
    @Override public String getIconFileName() { throw new UnsupportedOperationException("stub"); }
    @Override public String getDisplayName() { throw new UnsupportedOperationException("stub"); }
    @Override public String getUrlName() { throw new UnsupportedOperationException("stub"); }
}
