// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/ItemGroup.java
package hudson.model;

public interface ItemGroup<T extends Item> {}
