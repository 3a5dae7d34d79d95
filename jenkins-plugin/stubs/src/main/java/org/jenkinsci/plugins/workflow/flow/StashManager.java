// Signature stub (compile check only, never shipped) of jenkinsci/workflow-api-plugin: src/main/java/org/jenkinsci/plugins/workflow/flow/StashManager.java
package org.jenkinsci.plugins.workflow.flow;

public class StashManager {
    public static void stash(hudson.model.Run<?, ?> build, String name, hudson.FilePath workspace, hudson.Launcher launcher,
            hudson.EnvVars env, hudson.model.TaskListener listener, String includes, String excludes,
            boolean useDefaultExcludes, boolean allowEmpty) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public static void unstash(hudson.model.Run<?, ?> build, String name, hudson.FilePath workspace, hudson.Launcher launcher,
            hudson.EnvVars env, hudson.model.TaskListener listener) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
}
