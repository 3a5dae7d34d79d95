// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/FilePath.java
package hudson;

public final class FilePath implements java.io.Serializable {
    public interface FileCallable<T> extends java.io.Serializable {
        T invoke(java.io.File f, hudson.remoting.VirtualChannel channel) throws java.io.IOException, InterruptedException;
    }

    public String getRemote() { throw new UnsupportedOperationException("stub"); }
    public FilePath child(String relOrAbsolute) { throw new UnsupportedOperationException("stub"); }
    public FilePath sibling(String rel) { throw new UnsupportedOperationException("stub"); }
    public FilePath getParent() { throw new UnsupportedOperationException("stub"); }
    public boolean exists() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public boolean isDirectory() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public void mkdirs() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public FilePath[] list(String includes) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public String readToString() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public java.io.OutputStream write() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public void write(String content, String encoding) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public void renameTo(FilePath target) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public hudson.model.Computer toComputer() { throw new UnsupportedOperationException("stub"); }
    public <T> T act(FileCallable<T> callable) throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    public <V, E extends Throwable> V act(hudson.remoting.Callable<V, E> callable) throws java.io.IOException, InterruptedException, E { throw new UnsupportedOperationException("stub"); }
}
