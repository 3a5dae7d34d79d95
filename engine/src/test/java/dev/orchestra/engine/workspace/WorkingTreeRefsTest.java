package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeRefsTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.invalid");

    @TempDir
    Path dir;

    Git git;
    WorkingTree tree;
    String first;
    String second;

    @BeforeEach
    void repository() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        first = commit("one");
        second = commit("two");
        tree = WorkingTree.open(dir);
    }

    @AfterEach
    void close() {
        tree.close();
        git.close();
    }

    private String commit(String content) throws Exception {
        Files.writeString(dir.resolve("file.txt"), content);
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(content).setAuthor(ME).setCommitter(ME).setSign(false).call().name();
    }

    @Test
    void aBranchMovesOnlyFromTheCommitTheCallerExpects() {
        assertThat(tree.moveBranch("orchestra/r1", null, first)).isTrue();
        assertThat(tree.moveBranch("orchestra/r1", null, second)).as("it exists now").isFalse();
        assertThat(tree.moveBranch("orchestra/r1", second, first)).as("it is not at second").isFalse();
        assertThat(tree.branchCommit("orchestra/r1")).isEqualTo(first);
        assertThat(tree.moveBranch("orchestra/r1", first, second)).isTrue();
        assertThat(tree.branchCommit("orchestra/r1")).isEqualTo(second);
    }

    @Test
    void aRefIsDeletedAndDeletingAMissingOneIsHarmless() {
        tree.moveRef("refs/orchestra/r1/steps/s1", null, first);
        tree.deleteRef("refs/orchestra/r1/steps/s1");
        tree.deleteRef("refs/orchestra/r1/steps/s1");
        assertThat(tree.refCommit("refs/orchestra/r1/steps/s1")).isNull();
    }

    @Test
    void theFilesFollowOnlyWhenTheCheckedOutBranchIsAlreadyThere() throws Exception {
        Files.writeString(dir.resolve("file.txt"), "edited");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree.matchFiles(first))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("file.txt")).hasContent("edited");
        tree.matchFiles(second);
        assertThat(dir.resolve("file.txt")).hasContent("two");
    }
}
