// Signature stub (compile check only, never shipped) of jenkinsci/remoting: src/main/java/hudson/remoting/VirtualChannel.java
package hudson.remoting;

public interface VirtualChannel {}
