// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Action.java
package hudson.model;

public interface Action {
    String getIconFileName();
    String getDisplayName();
    String getUrlName();
}
