package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
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

    /** One merge in a batch of its own, written at once. */
    private Integrator.Result merge(String candidate, String stepCommit) throws Exception {
        ObjectBatch batch = new ObjectBatch(git.getRepository());
        Integrator.Result result = new Integrator(git.getRepository()).integrate(candidate, stepCommit, batch);
        batch.write();
        return result;
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

        Integrator.Result merged = merge(first.name(), second.name());

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
    void mergesInOneBatchReachTheRepositoryOnlyWhenItIsWrittenAsOneChain() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        RevCommit second = branchFromBase("second", "b.txt", "ALPHA\n");
        RevCommit third = branchFromBase("third", "c.txt", "new\n");
        ObjectBatch batch = new ObjectBatch(git.getRepository());
        Integrator integrator = new Integrator(git.getRepository());

        String onSecond = integrator.integrate(first.name(), second.name(), batch).commit().orElseThrow();
        String onThird = integrator.integrate(onSecond, third.name(), batch).commit().orElseThrow();

        assertThat(git.getRepository().getObjectDatabase().has(ObjectId.fromString(onThird))).isFalse();
        batch.write();
        assertThat(content(onThird, "a.txt")).isEqualTo("one\nTWO\nthree\n");
        assertThat(content(onThird, "b.txt")).isEqualTo("ALPHA\n");
        assertThat(content(onThird, "c.txt")).isEqualTo("new\n");
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit last = walk.parseCommit(ObjectId.fromString(onThird));
            assertThat(last.getParent(0).name()).isEqualTo(onSecond);
            assertThat(walk.parseCommit(last.getParent(0)).getParent(0)).isEqualTo(first);
        }
    }

    @Test
    void aContentMergeOntoACandidateStillInTheBatchWritesTheBatchFirst() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "ONE\ntwo\nthree\n");
        RevCommit second = branchFromBase("second", "b.txt", "ALPHA\n");
        RevCommit third = branchFromBase("third", "a.txt", "one\ntwo\nTHREE\n");
        ObjectBatch batch = new ObjectBatch(git.getRepository());
        Integrator integrator = new Integrator(git.getRepository());

        String onSecond = integrator.integrate(first.name(), second.name(), batch).commit().orElseThrow();
        Integrator.Result merged = integrator.integrate(onSecond, third.name(), batch);

        assertThat(merged.merged()).as("a.txt changed on both sides, different lines").isTrue();
        batch.write();
        assertThat(content(merged.commit().get(), "a.txt")).isEqualTo("ONE\ntwo\nTHREE\n");
        assertThat(content(merged.commit().get(), "b.txt")).isEqualTo("ALPHA\n");
    }

    @Test
    void stepsThatChangedTheSameLinesConflictAndNameTheFile() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        RevCommit second = branchFromBase("second", "a.txt", "one\nzwei\nthree\n");

        Integrator.Result merged = merge(first.name(), second.name());

        assertThat(merged.merged()).isFalse();
        assertThat(merged.conflicts()).containsExactly("a.txt");
    }

    @Test
    void aStepBuiltOnTheCandidateIsTakenAsItIs() throws Exception {
        RevCommit first = branchFromBase("first", "a.txt", "one\nTWO\nthree\n");
        Files.writeString(dir.resolve("b.txt"), "beta\n");
        RevCommit next = commit("next");

        assertThat(merge(first.name(), next.name()).commit()).contains(next.name());
    }

    @Test
    void stepsThatChangedDifferentLinesOfOneFileAreMergedByContent() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "one\ntwo\nthree\nfour\nfive\n");
        base = commit("longer");
        RevCommit first = branchFromBase("first", "a.txt", "ONE\ntwo\nthree\nfour\nfive\n");
        RevCommit second = branchFromBase("second", "a.txt", "one\ntwo\nthree\nfour\nFIVE\n");

        Integrator.Result merged = merge(first.name(), second.name());

        assertThat(content(merged.commit().orElseThrow(), "a.txt")).isEqualTo("ONE\ntwo\nthree\nfour\nFIVE\n");
    }

    @Test
    void deepFoldersChangedOnBothSidesKeepEveryOtherFile() throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.createDirectories(dir.resolve("src/p" + i));
            Files.writeString(dir.resolve("src/p" + i + "/F.java"), "class F" + i + " {}\n");
        }
        base = commit("deep");
        git.checkout().setName("first").setCreateBranch(true).setStartPoint(base).call();
        Files.writeString(dir.resolve("src/p1/F.java"), "class F1 { int a; }\n");
        Files.writeString(dir.resolve("src/p1/G.java"), "class G {}\n");
        RevCommit first = commit("first");
        git.checkout().setName("second").setCreateBranch(true).setStartPoint(base).call();
        Files.delete(dir.resolve("src/p3/F.java"));
        Files.writeString(dir.resolve("src/p1/H.java"), "class H {}\n");
        git.rm().addFilepattern("src/p3/F.java").call();
        RevCommit second = commit("second");

        String merged = merge(first.name(), second.name()).commit().orElseThrow();

        try (RevWalk walk = new RevWalk(git.getRepository()); TreeWalk tree = new TreeWalk(git.getRepository())) {
            tree.addTree(walk.parseCommit(git.getRepository().resolve(merged)).getTree());
            tree.setRecursive(true);
            java.util.List<String> paths = new java.util.ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            assertThat(paths).containsExactly("a.txt", "b.txt", "src/p0/F.java", "src/p1/F.java", "src/p1/G.java",
                    "src/p1/H.java", "src/p2/F.java", "src/p4/F.java");
        }
        assertThat(content(merged, "src/p1/F.java")).isEqualTo("class F1 { int a; }\n");
    }

    @Test
    void aFileWhereTheOtherSideMadeAFolderIsAConflict() throws Exception {
        git.checkout().setName("first").setCreateBranch(true).setStartPoint(base).call();
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/guide.md"), "# Guide\n");
        RevCommit first = commit("first");
        git.checkout().setName("second").setCreateBranch(true).setStartPoint(base).call();
        DirectoryDeletion.deleteTree(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs"), "a file\n");
        RevCommit second = commit("second");

        Integrator.Result merged = merge(first.name(), second.name());

        assertThat(merged.merged()).isFalse();
        assertThat(String.join(",", merged.conflicts())).contains("docs");
    }
}
