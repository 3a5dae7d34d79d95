// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/MasterToSlaveFileCallable.java
package jenkins;

public abstract class MasterToSlaveFileCallable<T> implements hudson.FilePath.FileCallable<T> {}
