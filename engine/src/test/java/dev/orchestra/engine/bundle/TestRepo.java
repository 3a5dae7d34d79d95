package dev.orchestra.engine.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository built with JGit: a base commit and three step commits on top of it. */
final class TestRepo {
    final Path dir;
    final Git git;
    final String base;
    final String head;

    private TestRepo(Path dir, Git git, String base, String head) {
        this.dir = dir;
        this.git = git;
        this.base = base;
        this.head = head;
    }

    static TestRepo create(Path dir) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        write(dir, "src/Greeter.java", "class Greeter {\n    String greet() {\n        return \"hi\";\n    }\n}\n");
        write(dir, "README.md", "# Demo\n");
        write(dir, "old.txt", "to be removed\n");
        String base = commit(git, "Initial import", 0).name();
        write(dir, "src/Greeter.java", "class Greeter {\n    String greet() {\n        return \"hello\";\n    }\n}\n");
        write(dir, "NOTES", "no trailing newline");
        commit(git, "Say hello instead of hi\n\nThe greeting is friendlier.\nSecond line of the body.", 1);
        Files.delete(dir.resolve("old.txt"));
        write(dir, "src/GreeterTest.java", "class GreeterTest {} // <script>alert(1)</script>\n");
        commit(git, "Add <script> test & remove old.txt", 2);
        write(dir, "NOTES", "no trailing newline, still");
        write(dir, "README.md", "# Démo\n\nGrüße.\n");
        String head = commit(git, "Café: translate the README", 3).name();
        return new TestRepo(dir, git, base, head);
    }

    static void write(Path dir, String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static RevCommit commit(Git git, String message, int minutes) throws Exception {
        PersonIdent author = new PersonIdent("Zoë Agent", "agent@orchestra.dev",
                Instant.parse("2025-03-04T10:00:00Z").plusSeconds(60L * minutes), ZoneId.of("Europe/Paris"));
        git.add().addFilepattern(".").setUpdate(false).call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
    }
}
