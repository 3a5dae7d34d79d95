package dev.orchestra.cli.resilience;

import dev.orchestra.cli.CliRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;

/** The real command line, in this JVM or as a process of its own, and what a user sees of a repository. */
final class Cli {
    static final PersonIdent ME = new PersonIdent("Test User", "test@example.invalid");

    private Cli() {}

    static CliRunner.Result orchestra(Map<String, String> env, String... args) {
        return CliRunner.run(env, args);
    }

    static CliRunner.Result orchestra(String... args) {
        return CliRunner.run(System.getenv(), args);
    }

    static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        return CliRunner.start(env, log, args);
    }

    /** A new git repository in {@code dir} holding the given files, committed on {@code main}. */
    static Path repository(Path dir, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(dir, file.getKey(), file.getValue());
        }
        commitAll(dir, "initial");
        return dir;
    }

    static void commitAll(Path dir, String message) throws GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).call();
        }
    }

    static Path write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** The tests of a repository as a shell script writing surefire-style JUnit XML: one passes, one needs {@code grep}. */
    static String checkScript(String name, String file, String pattern) {
        return "mkdir -p target/surefire-reports\n"
                + "if grep -q '" + pattern + "' " + file + " 2>/dev/null; then\n"
                + "  result='<testcase classname=\"demo.CheckTest\" name=\"" + name + "\" time=\"0.01\"/>'\n"
                + "else\n"
                + "  result='<testcase classname=\"demo.CheckTest\" name=\"" + name + "\" time=\"0.01\">"
                + "<failure message=\"no match\">no match</failure></testcase>'\n"
                + "fi\n"
                + "cat > target/surefire-reports/TEST-demo.CheckTest.xml <<EOF\n"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"demo.CheckTest\" tests=\"2\">\n"
                + "<testcase classname=\"demo.CheckTest\" name=\"alwaysPasses\" time=\"0.01\"/>\n"
                + "$result\n"
                + "</testsuite>\n"
                + "EOF\n";
    }

    /** The value of every {@code Orchestra-Step:} trailer on the branch, newest first. */
    static List<String> stepTrailers(Path dir, String branch) throws IOException, GitAPIException {
        List<String> steps = new ArrayList<>();
        try (Git git = Git.open(dir.toFile())) {
            for (RevCommit commit : git.log().add(git.getRepository().resolve(branch)).call()) {
                commit.getFullMessage().lines().filter(l -> l.startsWith("Orchestra-Step:"))
                        .forEach(l -> steps.add(l.substring("Orchestra-Step:".length()).strip()));
            }
        }
        return steps;
    }

    static boolean clean(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            return git.status().call().isClean();
        }
    }

    static String head(Path dir) throws IOException {
        try (Git git = Git.open(dir.toFile())) {
            return git.getRepository().getFullBranch() + " " + git.getRepository().resolve("HEAD").name();
        }
    }

    /** Every ref of the repository with its commit: what a user would see in {@code git show-ref}. */
    static List<String> refs(Path dir) throws IOException {
        try (Git git = Git.open(dir.toFile())) {
            List<String> refs = new ArrayList<>();
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                refs.add(ref.getName() + " " + ref.getObjectId().name());
            }
            return refs;
        }
    }

    static String readOrEmpty(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            return "";
        }
    }
}
