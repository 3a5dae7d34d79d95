package dev.orchestra.jenkins;

import dev.orchestra.jenkins.process.CliStderr;
import dev.orchestra.jenkins.process.JarCache;
import dev.orchestra.jenkins.run.CliCommands;
import dev.orchestra.jenkins.run.CliOutput;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jenkins.MasterToSlaveFileCallable;
import org.jenkinsci.plugins.credentialsbinding.masking.SecretPatterns;

/**
 * Calls {@code java -jar orchestra.jar ... --json} as a process where the step's launcher runs processes: on the
 * agent, or inside the container of {@code docker.image().inside}. {@code java} is the first on the step's PATH (a
 * JDK tool put there with {@code tools} or {@code withEnv(["PATH+JDK=..."])} included); the jar ships inside the plugin
 * and is copied to the workspace's {@code @tmp} folder, which containers see too.
 */
final class OrchestraCli {
    /** What {@code sh} answers when it finds no {@code java} on the PATH. */
    private static final int COMMAND_NOT_FOUND = 127;
    private static volatile String jarSha256;

    private final FilePath workspace;
    private final FilePath tempDir;
    private final Launcher launcher;
    private final TaskListener listener;
    private final EnvVars env;
    private final String apiKey;

    OrchestraCli(FilePath workspace, FilePath tempDir, Launcher launcher, TaskListener listener, EnvVars env, String apiKey) {
        this.workspace = workspace;
        this.tempDir = tempDir;
        this.launcher = launcher;
        this.listener = listener;
        this.env = env;
        this.apiKey = apiKey;
    }

    /**
     * One call: its own masked line in the build log (the launch itself is quiet), stderr to the build log with every
     * secret masked, stdout read as the JSON result.
     */
    CliOutput call(List<String> arguments) throws IOException, InterruptedException {
        if (!launcher.isUnix()) {
            throw new AbortException("orchestrate runs on Linux and macOS agents only");
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec java -jar \"$0\" \"$@\"", installJar().getRemote()));
        command.addAll(arguments);
        EnvVars processEnv = new EnvVars(env);
        if (apiKey != null) {
            processEnv.put(CliCommands.API_KEY_ENV, apiKey);
        }
        listener.getLogger().println("orchestrate: " + CliCommands.display(arguments));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Pattern secrets = apiKey == null ? null : SecretPatterns.getAggregateSecretPattern(List.of(apiKey));
        CliStderr stderr = new CliStderr(listener.getLogger(), secrets);
        int exit = launcher.launch().cmds(command).envs(processEnv).pwd(workspace).quiet(true)
                .stdout(stdout).stderr(stderr).join();
        stderr.close();
        CliOutput output = CliOutput.parse(exit, stdout.toString(StandardCharsets.UTF_8), stderr.lastError());
        if (exit == COMMAND_NOT_FOUND && !output.hasJson()) {
            throw new AbortException("orchestrate: no 'java' on the PATH where the step runs (the agent, or the container"
                    + " of docker.image().inside): install Java 17 or later there, or put a JDK tool on the PATH, e.g."
                    + " tools { jdk 'jdk17' } or withEnv([\"PATH+JDK=${tool 'jdk17'}/bin\"])");
        }
        return output;
    }

    private FilePath installJar() throws IOException, InterruptedException {
        URL jar = OrchestraCli.class.getResource("orchestra.jar");
        if (jar == null) {
            throw new AbortException("this build of the Orchestra plugin carries no orchestra.jar (build it with ./mvnw -Pjenkins)");
        }
        String sha = sha256(jar);
        FilePath folder = tempDir.child(JarCache.FOLDER);
        FilePath target = folder.child(JarCache.fileName(sha));
        if (!target.exists()) {
            folder.mkdirs();
            FilePath partial = folder.child(JarCache.partialName(sha, UUID.randomUUID().toString()));
            try (InputStream in = jar.openStream(); OutputStream out = partial.write()) {
                in.transferTo(out);
            }
            partial.act(new Publish(sha));
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

    /** On the agent: renames a complete copy to the jar's name and prunes older versions ({@link JarCache#publish}). */
    private static final class Publish extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final String sha256;

        Publish(String sha256) {
            this.sha256 = sha256;
        }

        @Override
        public String invoke(File partial, VirtualChannel channel) throws IOException {
            return JarCache.publish(partial.toPath(), sha256, Instant.now()).toString();
        }
    }
}
