package dev.orchestra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real git repository in a test's folder, made and read with the git command line: the one repository fixture
 * every module's tests can share. Commits have a fixed test author and are never signed.
 */
public final class GitRepository {
    private final Path dir;

    private GitRepository(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main} in {@code dir}, with {@code files} (path to content) as its first commit. */
    public static GitRepository create(Path dir, Map<String, String> files) {
        return create(dir, files, "initial");
    }

    /** The same, with this message on the first commit. */
    public static GitRepository create(Path dir, Map<String, String> files, String message) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepository repo = new GitRepository(dir);
        repo.git("init", "-q", "-b", "main");
        files.forEach(repo::write);
        repo.commitAll(message);
        return repo;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file (folders made as needed); not committed. */
    public GitRepository write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The file's content in the working tree. */
    public String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits every change in the working tree; returns the new commit. */
    public String commitAll(String message) {
        git("add", "-A");
        git("-c", "user.name=Test User", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", message);
        return head();
    }

    public String head() {
        return commit("HEAD");
    }

    /** The commit {@code ref} names, or null when there is no such ref. */
    public String commit(String ref) {
        try {
            return git("rev-parse", "--verify", "-q", ref + "^{commit}").strip();
        } catch (AssertionError e) {
            return null;
        }
    }

    /** The subjects of the commits reachable from {@code ref}, newest first. */
    public List<String> log(String ref) {
        return git("log", "--format=%s", ref).lines().toList();
    }

    /** The file's content at {@code ref}. */
    public String show(String ref, String path) {
        return git("show", ref + ":" + path);
    }

    /** True when the working tree and the index hold no change git would show (untracked files included). */
    public boolean clean() {
        return git("status", "--porcelain").isBlank();
    }

    /** Runs git in the repository; its output. */
    public String git(String... args) {
        try {
            return GitCli.run(dir, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
