package dev.orchestra.jenkins;

import dev.orchestra.jenkins.process.CliStderr;
import dev.orchestra.jenkins.process.JarCache;
import dev.orchestra.jenkins.run.CliCommands;
import dev.orchestra.jenkins.run.CliOutput;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jenkins.security.MasterToSlaveCallable;

/**
 * Calls {@code java -jar orchestra.jar ... --json} as a process on the agent that holds the workspace, with the
 * agent's own Java. The jar ships inside the plugin and is copied once per agent, under its root's {@code cache/}.
 */
final class OrchestraCli {
    private static volatile String jarSha256;

    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;
    private final EnvVars env;
    private final String apiKey;

    OrchestraCli(FilePath workspace, Launcher launcher, TaskListener listener, EnvVars env, String apiKey) {
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
        this.env = env;
        this.apiKey = apiKey;
    }

    /** One call: stderr goes to the build log (secrets masked), stdout is the JSON result. */
    CliOutput call(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(workspace.act(new AgentJava()));
        command.add("-jar");
        command.add(installJar().getRemote());
        command.addAll(arguments);
        EnvVars processEnv = new EnvVars(env);
        if (apiKey != null) {
            processEnv.put(CliCommands.API_KEY_ENV, apiKey);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliStderr stderr = new CliStderr(listener.getLogger(), apiKey == null ? List.of() : List.of(apiKey));
        int exit = launcher.launch().cmds(command).envs(processEnv).pwd(workspace).stdout(stdout).stderr(stderr).join();
        stderr.close();
        return CliOutput.parse(exit, stdout.toString(StandardCharsets.UTF_8), stderr.lastError());
    }

    private FilePath installJar() throws IOException, InterruptedException {
        URL jar = OrchestraCli.class.getResource("orchestra.jar");
        if (jar == null) {
            throw new AbortException("this build of the Orchestra plugin carries no orchestra.jar (build it with ./mvnw -Pjenkins)");
        }
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            throw new AbortException("the agent that holds " + workspace.getRemote() + " is offline");
        }
        FilePath target = root.child(JarCache.relativePath(sha256(jar)));
        if (!target.exists()) {
            target.getParent().mkdirs();
            FilePath partial = target.sibling("orchestra.jar." + UUID.randomUUID() + ".tmp");
            try (InputStream in = jar.openStream(); OutputStream out = partial.write()) {
                in.transferTo(out);
            }
            partial.renameTo(target);
            listener.getLogger().println("orchestrate: copied orchestra.jar to " + target.getRemote());
        }
        return target;
    }

    private static String sha256(URL jar) throws IOException {
        String sha = jarSha256;
        if (sha == null) {
            try (InputStream in = jar.openStream()) {
                sha = JarCache.sha256(in);
            }
            jarSha256 = sha;
        }
        return sha;
    }

    /** The agent JVM's own {@code java}: agents run on Java 17 or later, which the command line needs. */
    private static final class AgentJava extends MasterToSlaveCallable<String, IOException> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() {
            return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        }
    }
}
