package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full copy's commit holds what {@code git add --all} would have staged in the same folder. */
class FullCopyCommitTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra agent", "agent@orchestra.invalid");

    @TempDir Path temp;
    private Path repo;
    private String base;

    @BeforeEach
    void repository() throws Exception {
        repo = temp.resolve("repo");
        GitCli.run(temp, "init", "-q", "-b", "main", repo.toString());
        write(repo, ".gitignore", "target/\n*.log\n!keep.log\n");
        write(repo, "build/.gitignore", "*\n!.gitignore\n");
        write(repo, "target/tracked.txt", "tracked although ignored\n");
        write(repo, "run.sh", "#!/bin/sh\n");
        write(repo, "lib/a.txt", "a\n");
        write(repo, "link-target.txt", "t\n");
        Files.createSymbolicLink(repo.resolve("link"), Path.of("link-target.txt"));
        GitCli.run(repo, "add", "-A");
        GitCli.run(repo, "add", "-f", "target/tracked.txt");
        GitCli.run(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base");
        base = GitCli.run(repo, "rev-parse", "HEAD").strip();
    }

    @Test
    void followsIgnoreRulesButNeverIgnoresATrackedFile() throws Exception {
        String commit = commitInCopy(dir -> {
            write(dir, "target/tracked.txt", "changed\n");
            write(dir, "target/new.class", "x");
            write(dir, "debug.log", "x");
            write(dir, "keep.log", "kept\n");
            write(dir, "build/out.bin", "x");
            write(dir, "docs/new.md", "new\n");
        });
        assertThat(nameStatus(commit)).containsExactly("A\tdocs/new.md", "A\tkeep.log", "M\ttarget/tracked.txt");
    }

    @Test
    void recordsModeChangesSymbolicLinksAndDeletions() throws Exception {
        String commit = commitInCopy(dir -> {
            Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createSymbolicLink(dir.resolve("etc-link"), Path.of("/etc"));
            Files.delete(dir.resolve("link"));
            write(dir, "link", "now a file\n");
        });
        assertThat(GitCli.run(repo, "ls-tree", commit, "run.sh", "etc-link", "link").lines().map(l -> l.substring(0, 6)))
                .containsExactly("120000", "100644", "100755");
        assertThat(GitCli.run(repo, "cat-file", "-p", commit + ":etc-link")).isEqualTo("/etc");
    }

    @Test
    void aFileMayReplaceAFolderAndAFolderAFile() throws Exception {
        String commit = commitInCopy(dir -> {
            Files.delete(dir.resolve("lib/a.txt"));
            Files.delete(dir.resolve("lib"));
            write(dir, "lib", "a file now\n");
            Files.delete(dir.resolve("run.sh"));
            write(dir, "run.sh/inside.txt", "a folder now\n");
        });
        assertThat(nameStatus(commit)).containsExactly("A\tlib", "D\tlib/a.txt", "D\trun.sh", "A\trun.sh/inside.txt");
    }

    interface Change {
        void apply(Path dir) throws Exception;
    }

    private String commitInCopy(Change change) throws Exception {
        try (Git git = Git.open(repo.toFile());
             IsolatedCopy copy = IsolatedCopy.create(git.getRepository(), base, temp.resolve("copies"), "step")) {
            change.apply(copy.dir());
            String commit = copy.commitChanges("step", AGENT).orElseThrow();
            copy.unwritten().write();
            GitCli.run(repo, "fsck", "--strict");
            return commit;
        }
    }

    private java.util.List<String> nameStatus(String commit) throws Exception {
        return GitCli.run(repo, "diff", "--no-renames", "--name-status", base, commit).lines().toList();
    }

    private static void write(Path dir, String path, String content) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }
}
