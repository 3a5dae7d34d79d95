package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A repository with a submodule: a step in a full copy keeps its gitlink unless the step removes its folder. */
class SubmoduleGitlinkTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra agent", "agent@orchestra.invalid");
    private static final String LINKED = "0123456789abcdef0123456789abcdef01234567";

    @TempDir Path temp;
    private Path repo;
    private String base;

    @BeforeEach
    void repositoryWithASubmodule() throws Exception {
        repo = temp.resolve("repo");
        GitCli.run(temp, "init", "-q", "-b", "main", repo.toString());
        Files.writeString(repo.resolve("README.md"), "hello\n");
        Files.writeString(repo.resolve(".gitmodules"), "[submodule \"lib/sub\"]\n\tpath = lib/sub\n\turl = ../sub.git\n");
        GitCli.run(repo, "add", "README.md", ".gitmodules");
        GitCli.run(repo, "update-index", "--add", "--cacheinfo", "160000," + LINKED + ",lib/sub");
        GitCli.run(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base");
        base = GitCli.run(repo, "rev-parse", "HEAD").strip();
    }

    @Test
    void aStepThatOnlyAppendsToAFileKeepsTheSubmodule() throws Exception {
        String commit = commitInCopy(dir -> Files.writeString(dir.resolve("README.md"), "more\n", StandardOpenOption.APPEND));

        assertThat(GitCli.run(repo, "ls-tree", commit, "lib/sub")).isEqualTo("160000 commit " + LINKED + "\tlib/sub\n");
        assertThat(GitCli.run(repo, "diff", "--name-status", base, commit)).isEqualTo("M\tREADME.md\n");
    }

    @Test
    void aStepThatRemovesTheSubmoduleFolderDeletesTheGitlink() throws Exception {
        String commit = commitInCopy(dir -> Files.delete(dir.resolve("lib/sub")));

        assertThat(GitCli.run(repo, "diff", "--name-status", base, commit)).isEqualTo("D\tlib/sub\n");
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
            return commit;
        }
    }
}
