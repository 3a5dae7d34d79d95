// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/util/FormValidation.java
package hudson.util;

public abstract class FormValidation extends Exception {
    public static FormValidation ok() { throw new UnsupportedOperationException("stub"); }
    public static FormValidation error(String message) { throw new UnsupportedOperationException("stub"); }
}
