package dev.orchestra.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopiesFolderTest {
    @TempDir Path temp;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachProcessGetsAPrivateFolderWithAnUnpredictableName() throws Exception {
        try (CopiesFolder first = CopiesFolder.create(temp); CopiesFolder second = CopiesFolder.create(temp)) {
            assertThat(first.dir()).isNotEqualTo(second.dir());
            for (Path dir : List.of(first.dir(), second.dir())) {
                assertThat(dir.getParent()).isEqualTo(temp.toAbsolutePath());
                assertThat(dir.getFileName().toString()).startsWith("orchestra-copies-").hasSizeGreaterThan(24);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            }
        }
    }

    @Test
    void closeDeletesTheFolderAndEveryCopyInIt() throws Exception {
        CopiesFolder folder = CopiesFolder.create(temp);
        Files.writeString(IsolatedCopy.freshFolder(folder.dir(), "step").resolve("file.txt"), "x");
        folder.close();
        assertThat(folder.dir()).doesNotExist();
    }

    @Test
    void theFolderOfAKilledProcessIsSweptAndALiveProcessKeepsItsOwn() throws Exception {
        Process alive = startChild();
        Path live = Path.of(firstLine(alive));
        Process killed = startChild();
        Path left = Path.of(firstLine(killed));
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(left.resolve("step-1")).isDirectory();

        try (CopiesFolder next = CopiesFolder.create(temp)) {
            assertThat(next.swept()).isEqualTo(1);
            assertThat(left).doesNotExist();
            assertThat(live.resolve("step-1")).isDirectory();
        }
    }

    @Test
    void neverFollowsASymbolicLinkNorDeletesWhatIsNotOrchestras() throws Exception {
        Path victim = Files.createDirectories(temp.resolve("victim"));
        Files.writeString(victim.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(temp.resolve("orchestra-copies-planted"), victim);
        Path other = Files.createDirectories(temp.resolve("other-tool-123"));
        Path unlockedYoung = Files.createDirectories(temp.resolve("orchestra-copies-young"));
        Path unlockedOld = Files.createDirectories(temp.resolve("orchestra-copies-old"));
        Files.setLastModifiedTime(unlockedOld, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

        try (CopiesFolder next = CopiesFolder.create(temp)) {
            assertThat(victim.resolve("precious.txt")).hasContent("keep me");
            assertThat(temp.resolve("orchestra-copies-planted")).isSymbolicLink();
            assertThat(other).isDirectory();
            assertThat(unlockedYoung).isDirectory();
            assertThat(unlockedOld).doesNotExist();
            assertThat(next.swept()).isEqualTo(1);
        }
    }

    @Test
    void aFolderOwnedByAnotherUserIsLeftAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a folder to another user");
        Path theirs = Files.createDirectories(temp.resolve("orchestra-copies-theirs"));
        Files.setLastModifiedTime(theirs, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Files.setOwner(theirs, temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        try (CopiesFolder next = CopiesFolder.create(temp)) {
            assertThat(Files.exists(theirs, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(next.swept()).isZero();
        }
    }

    /** A real second JVM running {@link HoldCopiesFolder} under the test's temp root. */
    private Process startChild() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = String.join(File.pathSeparator, location(CopiesFolder.class), location(HoldCopiesFolder.class));
        Process child = new ProcessBuilder(List.of(java, "-cp", classpath, HoldCopiesFolder.class.getName(), temp.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    private static String firstLine(Process process) throws Exception {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
