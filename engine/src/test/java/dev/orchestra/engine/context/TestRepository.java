package dev.orchestra.engine.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temporary folder, for the context tests. */
final class TestRepository {
    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@orchestra.invalid");
    private final Path dir;

    private TestRepository(Path dir) {
        this.dir = dir;
    }

    static TestRepository init(Path dir) throws GitAPIException {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        return new TestRepository(dir);
    }

    /** A folder with no git repository. */
    static TestRepository plain(Path dir) {
        return new TestRepository(dir);
    }

    TestRepository write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    TestRepository commit() throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("files").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
        }
        return this;
    }

    Path dir() {
        return dir;
    }
}
