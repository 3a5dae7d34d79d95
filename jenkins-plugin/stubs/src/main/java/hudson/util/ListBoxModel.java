// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/util/ListBoxModel.java
package hudson.util;

public class ListBoxModel extends java.util.ArrayList<ListBoxModel.Option> {
    public void add(String displayName, String value) { throw new UnsupportedOperationException("stub"); }

    public ListBoxModel add(String nameAndValue) { throw new UnsupportedOperationException("stub"); }

    public static final class Option {}
}
