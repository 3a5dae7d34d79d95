package dev.orchestra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository in a temp folder with a tiny test suite: {@code validate.sh} writes a
 * surefire-style JUnit XML report in which {@code GreetingTest#greetingExists} passes only when
 * {@code greeting.txt} exists, and {@code SmokeTest#alwaysPasses} always passes.
 */
final class TestRepo {
    static final String VALIDATE = "sh validate.sh";
    private final Path dir;

    TestRepo(Path dir) {
        this.dir = dir;
    }

    static TestRepo create(Path dir) throws IOException, GitAPIException {
        TestRepo repo = new TestRepo(dir);
        repo.write(".gitignore", "target/\n");
        repo.write("README.md", "A small project.\n");
        repo.write("validate.sh", """
                mkdir -p target/surefire-reports
                if [ -f greeting.txt ]; then
                  greeting='<testcase classname="demo.GreetingTest" name="greetingExists" time="0.01"/>'
                else
                  greeting='<testcase classname="demo.GreetingTest" name="greetingExists" time="0.01"><failure message="greeting.txt is missing">missing</failure></testcase>'
                fi
                cat > target/surefire-reports/TEST-demo.GreetingTest.xml <<EOF
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="demo.GreetingTest" tests="2">
                <testcase classname="demo.SmokeTest" name="alwaysPasses" time="0.01"/>
                $greeting
                </testsuite>
                EOF
                """);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test User", "test@example.invalid");
            git.commit().setMessage("initial").setAuthor(me).setCommitter(me).call();
        }
        return repo;
    }

    Path dir() {
        return dir;
    }

    Path write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** A workflow file outside the repository with the given YAML steps. */
    Path workflow(Path folder, String steps) throws IOException {
        Path file = folder.resolve("workflow.yml");
        Files.writeString(file, "name: test-workflow\ndescription: A workflow for tests.\nsteps:\n" + steps);
        return file;
    }

    String branch() throws IOException {
        try (Git git = Git.open(dir.toFile())) {
            return git.getRepository().getBranch();
        }
    }

    List<String> log(String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            Iterable<RevCommit> commits = git.log().add(git.getRepository().resolve(branch)).call();
            List<String> messages = new java.util.ArrayList<>();
            commits.forEach(c -> messages.add(c.getShortMessage()));
            return messages;
        }
    }

    boolean clean() throws GitAPIException, IOException {
        try (Git git = Git.open(dir.toFile())) {
            return git.status().call().isClean();
        }
    }

    /** Runs the command line in this JVM, with this process's environment. */
    static CliRunner.Result orchestra(String... args) {
        return CliRunner.run(System.getenv(), args);
    }

    /** Runs the command line in this JVM with the given environment. */
    static CliRunner.Result orchestra(java.util.Map<String, String> env, String... args) {
        return CliRunner.run(env, args);
    }
}
