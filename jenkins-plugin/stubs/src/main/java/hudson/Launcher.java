// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/Launcher.java
package hudson;

public abstract class Launcher {
    public boolean isUnix() { throw new UnsupportedOperationException("stub"); }
    public final ProcStarter launch() { throw new UnsupportedOperationException("stub"); }

    public final class ProcStarter {
        public ProcStarter cmds(java.util.List<String> args) { throw new UnsupportedOperationException("stub"); }
        public ProcStarter envs(java.util.Map<String, String> overrides) { throw new UnsupportedOperationException("stub"); }
        public ProcStarter quiet(boolean quiet) { throw new UnsupportedOperationException("stub"); }
        public ProcStarter pwd(FilePath workDir) { throw new UnsupportedOperationException("stub"); }
        public ProcStarter stdout(java.io.OutputStream out) { throw new UnsupportedOperationException("stub"); }
        public ProcStarter stderr(java.io.OutputStream err) { throw new UnsupportedOperationException("stub"); }
        public int join() throws java.io.IOException, InterruptedException { throw new UnsupportedOperationException("stub"); }
    }
}
