// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/TopLevelItem.java
package hudson.model;

public interface TopLevelItem extends Item {}
