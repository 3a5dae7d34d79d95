package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent writes into its full copy is data, never code Orchestra runs: hooks, filter drivers and attributes
 * it plants are not read when the engine commits the copy, and the copy does not say where the user's repository is.
 */
class PlantedGitFilesTest {
    private static final PersonIdent AGENT = new PersonIdent("Orchestra agent", "agent@orchestra.invalid");

    @TempDir Path temp;
    private Git source;
    private String base;

    @BeforeEach
    void sourceRepository() throws Exception {
        Path repo = temp.resolve("repo");
        source = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        Files.writeString(repo.resolve("README.md"), "hello\n");
        source.add().addFilepattern(".").call();
        base = source.commit().setMessage("base").setAuthor(AGENT).setCommitter(AGENT).setSign(false).call().name();
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    @Test
    void aPostCommitHookTheAgentPlantsNeverRuns() throws Exception {
        Path ran = temp.resolve("hook-ran");
        try (IsolatedCopy copy = newCopy()) {
            Path hook = copy.dir().resolve(".git/hooks/post-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, "#!/bin/sh\ntouch '" + ran + "'\n");
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(copy.dir().resolve("README.md"), "hello\nagain\n");

            assertThat(copy.commitChanges("step", AGENT)).isPresent();
        }
        assertThat(ran).as("the planted hook ran").doesNotExist();
    }

    @Test
    void aCleanFilterTheAgentConfiguresNeverRunsAndTheFileLandsAsWritten() throws Exception {
        Path ran = temp.resolve("filter-ran");
        String commit;
        try (IsolatedCopy copy = newCopy()) {
            Path driver = Files.writeString(temp.resolve("driver.sh"), "#!/bin/sh\ntouch '" + ran + "'\nsed s/hello/owned/\n");
            Files.setPosixFilePermissions(driver, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path config = copy.dir().resolve(".git/config");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "[filter \"evil\"]\n\tclean = " + driver + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Files.createDirectories(copy.dir().resolve(".git/info"));
            Files.writeString(copy.dir().resolve(".git/info/attributes"), "* filter=evil\n");
            Files.writeString(copy.dir().resolve(".gitattributes"), "*.md filter=evil\n");
            Files.writeString(copy.dir().resolve("README.md"), "hello\nagain\n");

            commit = copy.commitChanges("step", AGENT).orElseThrow();
            copy.unwritten().write();
        }
        assertThat(ran).as("the planted filter ran").doesNotExist();
        assertThat(GitCli.run(temp.resolve("repo"), "show", commit + ":README.md")).isEqualTo("hello\nagain\n");
    }

    @Test
    void theCopyNamesNoPathOfTheUsersRepository() throws Exception {
        String repoPath = temp.resolve("repo").toRealPath().toString();
        try (IsolatedCopy copy = newCopy(); Stream<Path> files = Files.walk(copy.dir())) {
            assertThat(copy.dir().resolve(".git")).doesNotExist();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(repoPath);
            }
        }
    }

    @Test
    void whatTheAgentWritesUnderDotGitIsNeitherCommittedNorWrittenToTheRepository() throws Exception {
        String commit;
        try (IsolatedCopy copy = newCopy()) {
            Files.createDirectories(copy.dir().resolve(".git/hooks"));
            Files.writeString(copy.dir().resolve(".git/hooks/pre-push"), "evil\n");
            Files.createDirectories(copy.dir().resolve("vendor/lib/.git"));
            Files.writeString(copy.dir().resolve("vendor/lib/.git/config"), "[core]\n");
            Files.writeString(copy.dir().resolve("vendor/lib/notes.txt"), "notes\n");

            commit = copy.commitChanges("step", AGENT).orElseThrow();
            copy.unwritten().write();
        }
        assertThat(GitCli.run(temp.resolve("repo"), "ls-tree", "-r", "--name-only", commit).lines())
                .containsExactly("README.md", "vendor/lib/notes.txt");
        assertThat(temp.resolve("repo/.git/hooks/pre-push")).doesNotExist();
    }

    private IsolatedCopy newCopy() throws IOException {
        return IsolatedCopy.create(repo(), base, temp.resolve("copies"), "step");
    }

    private Repository repo() {
        return source.getRepository();
    }
}
