package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedCopyTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra agent", "agent@orchestra.invalid");

    @TempDir Path temp;
    private Git source;
    private String base;

    @BeforeEach
    void sourceRepositoryWithOneCommit() throws Exception {
        Path repo = temp.resolve("repo");
        source = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write(repo.resolve("README.md"), "hello\nworld\n");
        write(repo.resolve("src/App.java"), "class App {}\n");
        write(repo.resolve(".gitignore"), "target/\n");
        source.add().addFilepattern(".").call();
        base = source.commit().setMessage("base").setAuthor(AGENT).setCommitter(AGENT).setSign(false).call().name();
        source.gc().call();
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    @Test
    void copyIsAPlainFolderWithEveryFileOfTheCommit() throws Exception {
        try (IsolatedCopy copy = newCopy("step-1"); Stream<Path> files = Files.walk(copy.dir())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> copy.dir().relativize(p).toString()))
                    .containsExactlyInAnyOrder(".gitignore", "README.md", "src/App.java");
            assertThat(copy.dir().resolve("src/App.java")).hasContent("class App {}");
            assertThat(copy.baseCommit()).isEqualTo(base);
        }
    }

    @Test
    void editsInTheCopyNeverChangeTheSourceTreeOrBranches() throws Exception {
        try (IsolatedCopy copy = newCopy("step-1")) {
            write(copy.dir().resolve("README.md"), "changed\n");
            write(copy.dir().resolve("NEW.md"), "new\n");
            copy.commitChanges("agent edit", AGENT);
        }
        assertThat(temp.resolve("repo/README.md")).hasContent("hello\nworld");
        assertThat(temp.resolve("repo/NEW.md")).doesNotExist();
        assertThat(repo().resolve("refs/heads/main").name()).isEqualTo(base);
        assertThat(repo().getRefDatabase().getRefsByPrefix("refs/")).extracting(r -> r.getName())
                .containsExactly("refs/heads/main");
        assertThat(source.status().call().isClean()).isTrue();
    }

    @Test
    void commitsAddedModifiedAndDeletedFilesButNotIgnoredOnes() throws Exception {
        try (IsolatedCopy copy = newCopy("step-1")) {
            write(copy.dir().resolve("README.md"), "hello\nthere\nworld\n");
            write(copy.dir().resolve("docs/NEW.md"), "new\n");
            write(copy.dir().resolve("target/classes/App.class"), "build output");
            Files.delete(copy.dir().resolve("src/App.java"));

            Optional<String> commit = copy.commitChanges("agent edit", AGENT);

            assertThat(commit).isPresent();
            assertThat(copy.headCommit()).isEqualTo(commit.get());
            ChangeStats stats = copy.stats();
            assertThat(stats.files()).containsExactlyInAnyOrder("README.md", "docs/NEW.md", "src/App.java");
            assertThat(stats.insertions()).isEqualTo(2);
            assertThat(stats.deletions()).isEqualTo(1);
        }
    }

    @Test
    void nothingChangedMeansNoCommit() throws Exception {
        try (IsolatedCopy copy = newCopy("step-1")) {
            write(copy.dir().resolve("target/out.txt"), "ignored");
            assertThat(copy.commitChanges("nothing", AGENT)).isEmpty();
            assertThat(copy.headCommit()).isEqualTo(base);
            assertThat(copy.stats().isEmpty()).isTrue();
        }
    }

    @Test
    void theCommitIsReadableFromTheRepositoryOnceItsObjectsAreWritten() throws Exception {
        String made;
        try (IsolatedCopy copy = newCopy("step-1")) {
            write(copy.dir().resolve("README.md"), "from the agent\n");
            made = copy.commitChanges("agent edit", AGENT).orElseThrow();
            assertThat(repo().getObjectDatabase().has(org.eclipse.jgit.lib.ObjectId.fromString(made))).isFalse();
            copy.unwritten().write();
        }
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repo())) {
            RevCommit commit = walk.parseCommit(repo().resolve(made));
            assertThat(commit.getFullMessage()).isEqualTo("agent edit");
            assertThat(commit.getParent(0).name()).isEqualTo(base);
            var blob = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo(), "README.md", commit.getTree());
            assertThat(new String(repo().open(blob.getObjectId(0)).getBytes())).isEqualTo("from the agent\n");
        }
    }

    @Test
    void closeRemovesTheDirectoryEvenWithReadOnlyFiles() throws Exception {
        IsolatedCopy copy = newCopy("step-1");
        Path locked = copy.dir().resolve("locked/file.txt");
        write(locked, "read only");
        locked.toFile().setWritable(false);
        locked.getParent().toFile().setWritable(false);

        copy.close();

        assertThat(copy.dir()).doesNotExist();
        assertThat(temp.resolve("copies")).isEmptyDirectory();
    }

    @Test
    void unknownCommitIsBadInputAndLeavesNoDirectory() {
        assertThatThrownBy(() -> IsolatedCopy.create(repo(), "0123456789012345678901234567890123456789",
                temp.resolve("copies"), "step-1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("0123456789");
        assertThat(temp.resolve("copies/step-1")).doesNotExist();
    }

    @Test
    void startsFromWhatABranchNamePointsAt() throws Exception {
        try (IsolatedCopy copy = IsolatedCopy.create(repo(), "main", temp.resolve("copies"), "by-branch")) {
            assertThat(copy.baseCommit()).isEqualTo(base);
            assertThat(copy.dir().resolve("README.md")).hasContent("hello\nworld");
        }
    }

    private IsolatedCopy newCopy(String name) throws IOException {
        return IsolatedCopy.create(repo(), base, temp.resolve("copies"), name);
    }

    private Repository repo() {
        return source.getRepository();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
