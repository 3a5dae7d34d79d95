// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/jenkins/security/MasterToSlaveCallable.java
package jenkins.security;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements hudson.remoting.Callable<V, T> {}
