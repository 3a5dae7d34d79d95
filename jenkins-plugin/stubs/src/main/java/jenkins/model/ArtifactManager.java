// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/model/ArtifactManager.java
package jenkins.model;

public abstract class ArtifactManager {
    public abstract void archive(hudson.FilePath workspace, hudson.Launcher launcher, hudson.model.BuildListener listener,
                                 java.util.Map<String, String> artifacts) throws java.io.IOException, InterruptedException;
}
