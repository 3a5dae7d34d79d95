package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects kept in memory, then written as one pack: checked with the real git command line. */
class ObjectBatchTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra (code-writer)", "orchestra@localhost");

    @TempDir
    Path temp;

    Path repo;
    Git git;
    RevCommit base;

    @BeforeEach
    void repository() throws Exception {
        repo = temp.resolve("repo");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        Files.createDirectories(repo.resolve("src/main/java/app"));
        Files.writeString(repo.resolve("src/main/java/app/App.java"), "class App {}\n");
        Files.writeString(repo.resolve("README.md"), "An app.\n");
        git.add().addFilepattern(".").call();
        base = git.commit().setMessage("base").setAuthor(AGENT).setCommitter(AGENT).setSign(false).call();
        GitCli.run(repo, "gc", "--quiet"); // packed, like a clone: no loose objects
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void aCommitMadeInTheBatchIsReadableAtOnceAndReachesTheRepositoryAsOnePack() throws Exception {
        ObjectBatch batch = new ObjectBatch(git.getRepository());
        ObjectId commit = commitOnBase(batch, "src/main/java/app/Util.java", "class Util {}\n", "add Util");

        try (ObjectReader reader = batch.newReader(); RevWalk walk = new RevWalk(reader)) {
            assertThat(TreeFiles.of(reader, walk.parseCommit(commit).getTree()))
                    .containsKeys("README.md", "src/main/java/app/App.java", "src/main/java/app/Util.java");
        }
        assertThat(git.getRepository().getObjectDatabase().has(commit)).as("nothing written yet").isFalse();
        int packsBefore = packs();

        batch.write();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(packs()).isEqualTo(packsBefore + 1);
        assertThat(looseObjects()).as("no loose object files").isEmpty();
        GitCli.run(repo, "update-ref", "refs/heads/work", commit.name());
        assertThat(GitCli.run(repo, "fsck", "--strict", "--no-dangling")).isEmpty();
        assertThat(GitCli.run(repo, "show", "work:src/main/java/app/Util.java")).isEqualTo("class Util {}\n");
        assertThat(GitCli.run(repo, "log", "--format=%s", "work")).isEqualTo("add Util\nbase\n");
    }

    @Test
    void objectsTheRepositoryAlreadyHasAndAnEmptyBatchWriteFine() throws Exception {
        ObjectBatch batch = new ObjectBatch(git.getRepository());
        int packsBefore = packs();
        batch.write();
        assertThat(packs()).as("an empty batch writes no pack").isEqualTo(packsBefore);

        // The same content as a file of the base: the blob exists already; the commit is new.
        ObjectId commit = commitOnBase(batch, "docs/README.md", "An app.\n", "copy the readme");
        batch.write();

        GitCli.run(repo, "update-ref", "refs/heads/work", commit.name());
        assertThat(GitCli.run(repo, "fsck", "--strict", "--no-dangling")).isEmpty();
        assertThat(GitCli.run(repo, "show", "work:docs/README.md")).isEqualTo("An app.\n");
    }

    @Test
    void aBatchTakesInAnotherBatchsObjects() throws Exception {
        ObjectBatch step = new ObjectBatch(git.getRepository());
        ObjectId commit = commitOnBase(step, "NOTES.md", "notes\n", "add notes");
        ObjectBatch round = new ObjectBatch(git.getRepository());

        round.addAll(step);
        round.write();

        assertThat(step.size()).as("the other batch keeps its objects").isEqualTo(3);
        GitCli.run(repo, "update-ref", "refs/heads/work", commit.name());
        assertThat(GitCli.run(repo, "show", "work:NOTES.md")).isEqualTo("notes\n");
    }

    /** A commit on the base that writes one file, made through TreeEdits into {@code batch}. */
    private ObjectId commitOnBase(ObjectBatch batch, String path, String content, String message) throws IOException {
        ObjectId blob = batch.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
        Map<String, Optional<TreeFiles.Entry>> edits = new TreeMap<>();
        edits.put(path, Optional.of(new TreeFiles.Entry(FileMode.REGULAR_FILE, blob)));
        try (ObjectReader reader = batch.newReader()) {
            ObjectId tree = TreeEdits.apply(reader, batch, base.getTree(), edits);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(base);
            commit.setAuthor(AGENT);
            commit.setCommitter(AGENT);
            commit.setMessage(message + "\n");
            return batch.insert(commit);
        }
    }

    private int packs() throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
            return (int) files.filter(f -> f.toString().endsWith(".pack")).count();
        }
    }

    private List<Path> looseObjects() throws IOException {
        try (Stream<Path> files = Files.walk(repo.resolve(".git/objects"))) {
            return files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
                    .toList();
        }
    }
}
