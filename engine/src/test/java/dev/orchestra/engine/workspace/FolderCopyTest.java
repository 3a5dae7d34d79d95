package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.testsupport.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder copies, checked with the real git command line: what git sees must be a valid, exact commit. */
class FolderCopyTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra (code-writer)", "orchestra@localhost");

    @TempDir
    Path temp;

    Path repo;
    Git git;
    String base;

    @BeforeEach
    void repository() throws Exception {
        repo = temp.resolve("repo");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        // Names that sort differently as files and as folders ('-' < '.' < '/' < '0'), to catch a wrong tree order.
        write("foo-bar", "dash\n");
        write("foo.txt", "dot\n");
        write("foo/inner/A.java", "class A {}\n");
        write("foo/inner/B.java", "class B {}\n");
        write("foo0", "zero\n");
        write("tools/run.sh", "#!/bin/sh\necho hi\n");
        repo.resolve("tools/run.sh").toFile().setExecutable(true);
        git.add().addFilepattern(".").call();
        base = git.commit().setMessage("base").setAuthor(AGENT).setCommitter(AGENT).setSign(false).call().name();
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void holdsOnlyTheNamedFilesWithTheirModesAndNoRepository() throws Exception {
        try (FolderCopy copy = FolderCopy.create(git.getRepository(), base, temp.resolve("copies"), "c1",
                List.of("foo/inner/A.java", "tools/run.sh", "foo/New.java"))) {
            assertThat(files(copy.dir())).containsExactly("foo/inner/A.java", "tools/run.sh");
            assertThat(copy.dir().resolve("tools/run.sh")).isExecutable();
            assertThat(copy.view().get().files()).containsKeys("foo-bar", "foo/inner/B.java", "foo0");
            assertThat(copy.commitChanges("nothing", AGENT)).isEmpty();
        }
    }

    @Test
    void commitsChangedCreatedAndDeletedFilesAsOneValidCommitOnTheBase() throws Exception {
        try (FolderCopy copy = FolderCopy.create(git.getRepository(), base, temp.resolve("copies"), "c2",
                List.of("foo/inner/A.java", "foo/inner/B.java", "foo/New.java", "tools/run.sh"))) {
            Files.writeString(copy.dir().resolve("foo/inner/A.java"), "class A { int x; }\n");
            Files.delete(copy.dir().resolve("foo/inner/B.java"));
            Files.writeString(copy.dir().resolve("foo/New.java"), "class New {}\n");

            String commit = copy.commitChanges("s1: change foo\n\nOrchestra-Step: s1\n", AGENT).orElseThrow();
            assertThat(git.getRepository().getObjectDatabase().has(ObjectId.fromString(commit)))
                    .as("the commit stays in memory until the batch is written").isFalse();
            copy.unwritten().write();
            GitCli.run(repo, "update-ref", "refs/orchestra/r1/steps/s1", commit);

            assertThat(GitCli.run(repo, "fsck", "--strict", "--no-dangling")).isEmpty();
            assertThat(GitCli.run(repo, "rev-parse", "refs/orchestra/r1/steps/s1").strip()).isEqualTo(commit);
            assertThat(GitCli.run(repo, "rev-parse", commit + "^").strip()).isEqualTo(base);
            assertThat(GitCli.run(repo, "diff", "--name-status", base, commit))
                    .isEqualTo("A\tfoo/New.java\nM\tfoo/inner/A.java\nD\tfoo/inner/B.java\n");
            assertThat(GitCli.run(repo, "show", commit + ":foo/inner/A.java")).isEqualTo("class A { int x; }\n");
            assertThat(GitCli.run(repo, "ls-tree", commit, "tools/run.sh")).startsWith("100755 blob");
            assertThat(GitCli.run(repo, "log", "-1", "--format=%an%n%B", commit)).isEqualTo("Orchestra (code-writer)\ns1: change foo\n\n"
                    + "Orchestra-Step: s1\n\n");
            assertThat(copy.stats().files()).containsExactly("foo/New.java", "foo/inner/A.java", "foo/inner/B.java");
        }
    }

    @Test
    void aFolderLeftEmptyDisappearsFromTheTree() throws Exception {
        try (FolderCopy copy = FolderCopy.create(git.getRepository(), base, temp.resolve("copies"), "c3",
                List.of("foo/inner/A.java", "foo/inner/B.java"))) {
            Files.delete(copy.dir().resolve("foo/inner/A.java"));
            Files.delete(copy.dir().resolve("foo/inner/B.java"));
            String commit = copy.commitChanges("empty inner", AGENT).orElseThrow();
            copy.unwritten().write();

            assertThat(GitCli.run(repo, "fsck", "--strict", "--no-dangling")).isEmpty();
            assertThat(GitCli.run(repo, "ls-tree", "-r", "--name-only", commit)).isEqualTo("foo-bar\nfoo.txt\nfoo0\ntools/run.sh\n");
        }
    }

    @Test
    void theSourceRepositoryKeepsItsBranchAndWorkingTree() throws Exception {
        try (FolderCopy copy = FolderCopy.create(git.getRepository(), base, temp.resolve("copies"), "c4",
                List.of("foo.txt"))) {
            Files.writeString(copy.dir().resolve("foo.txt"), "changed\n");
            copy.commitChanges("change", AGENT).orElseThrow();
        }
        assertThat(GitCli.run(repo, "rev-parse", "main").strip()).isEqualTo(base);
        assertThat(GitCli.run(repo, "status", "--porcelain")).isEmpty();
        assertThat(temp.resolve("copies/c4")).doesNotExist();
    }

    @Test
    void anUnknownCommitIsBadInputAndLeavesNoFolder() {
        assertThatThrownBy(() -> FolderCopy.create(git.getRepository(), "no-such-branch", temp.resolve("copies"), "c5",
                List.of("foo.txt"))).isInstanceOf(BadInputException.class).hasMessageContaining("no-such-branch");
        assertThat(temp.resolve("copies/c5")).doesNotExist();
    }

    @Test
    void aCommitOnACommitKeepsTheFirst() throws Exception {
        try (FolderCopy copy = FolderCopy.create(git.getRepository(), base, temp.resolve("copies"), "c6",
                List.of("foo.txt", "foo0"))) {
            Files.writeString(copy.dir().resolve("foo.txt"), "one\n");
            String first = copy.commitChanges("first", AGENT).orElseThrow();
            Files.writeString(copy.dir().resolve("foo0"), "two\n");
            String second = copy.commitChanges("second", AGENT).orElseThrow();
            copy.unwritten().write();

            try (RevWalk walk = new RevWalk(git.getRepository())) {
                RevCommit parsed = walk.parseCommit(ObjectId.fromString(second));
                assertThat(parsed.getParent(0).name()).isEqualTo(first);
            }
            assertThat(GitCli.run(repo, "show", second + ":foo.txt")).isEqualTo("one\n");
            assertThat(GitCli.run(repo, "show", second + ":foo0")).isEqualTo("two\n");
            assertThat(copy.commitChanges("third", AGENT)).isEqualTo(Optional.empty());
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> files(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().forEach(files::add);
        }
        return files;
    }
}
