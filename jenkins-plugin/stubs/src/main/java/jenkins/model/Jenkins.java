// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/model/Jenkins.java
package jenkins.model;

public class Jenkins implements hudson.model.ItemGroup<hudson.model.TopLevelItem>, hudson.security.AccessControlled {
    public static final hudson.security.Permission ADMINISTER = null;
    public static Jenkins get() { throw new UnsupportedOperationException("stub"); }
}
