// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/ExtensionList.java
package hudson;

public class ExtensionList<T> extends java.util.AbstractList<T> {
    public static <U> U lookupSingleton(Class<U> type) { throw new UnsupportedOperationException("stub"); }
    @Override public T get(int index) { throw new UnsupportedOperationException("stub"); }
    @Override public int size() { throw new UnsupportedOperationException("stub"); }
}
