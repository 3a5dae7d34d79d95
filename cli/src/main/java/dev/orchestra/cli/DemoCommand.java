package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.demo.SampleProject;
import dev.orchestra.engine.lock.RunLock;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.sandbox.Sandbox;
import dev.orchestra.engine.sandbox.SandboxMode;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra demo}: a small JUnit 4 Maven project migrated to JUnit 5 end to end, with no model. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a small Maven project with JUnit 4 tests, commit it, and run the junit4-to-junit5 "
                + "workflow on it: baseline tests, OpenRewrite migration in an isolated copy, integration, "
                + "validation with mvn -B test, bundle.",
        footer = {"", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {
    static final String WORKFLOW = "junit4-to-junit5";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the project (empty or new; default: a temp folder).")
    Path dir;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @picocli.CommandLine.Mixin
    SandboxOption sandboxOption;

    @Override
    public Integer call() throws IOException, GitAPIException {
        Sandbox sandbox = sandboxOption.choose(parent.env(), SandboxMode.AUTO);
        Path project = prepare();
        try (Orchestra orchestra = Session.open(project, spec.commandLine().getErr(), parent.env(), Map.of(), null, sandbox,
                     TerminalGateKeeper.forThisProcess(true, null));
             RunLock lock = orchestra.lockForChanges("demo")) {
            String maven = MavenLocator.fromSystem().command(project).stream()
                    .map(DemoCommand::quote).collect(Collectors.joining(" "));
            RunRequest request = RunRequest.builder().workflow(WORKFLOW, orchestra.workflows().resolve(WORKFLOW))
                    .task("Migrate the tests from JUnit 4 to JUnit 5.").validateCommand(maven + " -B test").gates(Set.of())
                    .jobs(1).maxFixIterations(0).build();
            RunState state = orchestra.start(request);
            if (!output.json) {
                spec.commandLine().getOut().println("Demo project: " + project);
            }
            return new RunOutput(orchestra.runs()).print(state, output.json, spec.commandLine().getOut());
        }
    }

    private Path prepare() throws IOException, GitAPIException {
        Path target = dir != null ? dir.toAbsolutePath() : Files.createTempDirectory("orchestra-demo-");
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException("--dir " + dir + ": not empty; give a new or empty folder");
                }
            }
        } else if (Files.exists(target)) {
            throw new BadInputException("--dir " + dir + ": not a folder");
        }
        Files.createDirectories(target);
        SampleProject.writeTo(target);
        PersonIdent author = new PersonIdent("Orchestra demo", "demo@orchestra.invalid");
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("A small calculator with JUnit 4 tests").setAuthor(author).setCommitter(author).call();
        }
        spec.commandLine().getErr().println("[orchestra] demo project created in " + target);
        return target;
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
