package dev.orchestra.engine.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Real sample Maven projects for tests: the demo calculator as a git repository, and edits to it. */
public final class SampleProjects {
    /** Who commits in test repositories. */
    public static final PersonIdent AUTHOR = new PersonIdent("Sample Author", "author@example.com");
    /** The line of {@link #DEPRECATED_FILE} that calls a deprecated constructor. */
    public static final int DEPRECATED_LINE = 8;
    /** A main source file that uses {@code new Date(int, int, int)}, deprecated since Java 1.1. */
    public static final String DEPRECATED_FILE = "src/main/java/demo/Dates.java";
    /** The line of {@link #BROKEN_FILE} that calls a method that does not exist. */
    public static final int BROKEN_LINE = 5;
    /** A main source file that does not compile. */
    public static final String BROKEN_FILE = "src/main/java/demo/Broken.java";

    private SampleProjects() {}

    /** Writes the JUnit 4 calculator into {@code dir} and commits it on branch {@code main}. */
    public static Git calculatorRepository(Path dir) throws IOException, GitAPIException {
        SampleProject.writeTo(dir);
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        commitAll(git, "Calculator with JUnit 4 tests");
        return git;
    }

    /** Stages and commits everything in the repository's working tree. */
    public static String commitAll(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().name();
    }

    /** Adds {@link #DEPRECATED_FILE}, with a deprecated API call at {@link #DEPRECATED_LINE}. */
    public static void addDeprecatedApiUse(Path project) throws IOException {
        write(project.resolve(DEPRECATED_FILE), """
                package demo;

                import java.util.Date;

                /** Dates the old way. */
                public class Dates {
                    public static Date newYear(int year) {
                        return new Date(year - 1900, 0, 1);
                    }
                }
                """);
    }

    /** Adds {@link #BROKEN_FILE}, which fails to compile at {@link #BROKEN_LINE}. */
    public static void addCompileError(Path project) throws IOException {
        write(project.resolve(BROKEN_FILE), """
                package demo;

                public class Broken {
                    public int value() {
                        return missingMethod();
                    }
                }
                """);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
