package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegratorTest {
    static final PersonIdent ME = new PersonIdent("Test", "test@example.invalid");

    @TempDir
    Path dir;

    Git git;
    RevCommit base;

    @BeforeEach
    void setUp() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Files.writeString(dir.resolve("a.txt"), "one\ntwo\nthree\n");
        Files.writeString(dir.resolve("b.txt"), "alpha\n");
        base = commit("base");
    }

    private RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).call();
    }

    private RevCommit branchFromBase(String name, String file, String content) throws Exception {
        git.checkout().setName(name).setCreateBranch(true).setStartPoint(base).call();
        Files.writeString(dir.resolve(file), content);
        return commit(name + ": change " + file);
    }

    private String content(String commit, String path) throws Exception {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            TreeWalk tree = TreeWalk.forPath(git.getRepository(), path, walk.parseCommit(git.getRepository().resolve(commit)).getTree());
            return new String(git.getRepository().open(tree.getObjectId(0)).getBytes());
        }
    }

    @Test
    void stepsThatChangedDifferentFilesFromTheSameBaseAreBothKept() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        RevCommit second = branchFromBase("second", "b.txt", "ALPHA\n");

        Integrator.Result merged = new Integrator(git.getRepository()).integrate(first.name(), second.name());

        assertThat(merged.merged()).isTrue();
        String commit = merged.commit().get();
        assertThat(content(commit, "a.txt")).isEqualTo("one\nTWO\nthree\n");
        assertThat(content(commit, "b.txt")).isEqualTo("ALPHA\n");
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit result = walk.parseCommit(git.getRepository().resolve(commit));
            assertThat(result.getParent(0)).isEqualTo(first);
            assertThat(result.getShortMessage()).isEqualTo("second: change b.txt");
        }
    }

    @Test
    void stepsThatChangedTheSameLinesConflictAndNameTheFile() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        RevCommit second = branchFromBase("second", "a.txt", "one\nzwei\nthree\n");

        Integrator.Result merged = new Integrator(git.getRepository()).integrate(first.name(), second.name());

        assertThat(merged.merged()).isFalse();
        assertThat(merged.conflicts()).containsExactly("a.txt");
    }

    @Test
    void aStepBuiltOnTheCandidateIsTakenAsItIs() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        Files.writeString(dir.resolve("b.txt"), "beta\n");
        RevCommit next = commit("next");

        assertThat(new Integrator(git.getRepository()).integrate(first.name(), next.name()).commit()).contains(next.name());
    }
}
