// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/model/RunAction2.java
package jenkins.model;

public interface RunAction2 extends hudson.model.Action {
    void onAttached(hudson.model.Run<?, ?> r);
    void onLoad(hudson.model.Run<?, ?> r);
}
