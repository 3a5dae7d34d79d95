// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Cause.java
package hudson.model;

public abstract class Cause {
    public static class UserIdCause extends Cause {
        public String getUserId() { throw new UnsupportedOperationException("stub"); }
    }
}
