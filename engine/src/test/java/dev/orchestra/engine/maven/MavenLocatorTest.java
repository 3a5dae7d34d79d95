package dev.orchestra.engine.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenLocatorTest {
    @TempDir Path temp;

    @Test
    void usesTheRepositorysOwnWrapperBeforeMavenOnThePath() throws IOException {
        Path repo = temp.resolve("repo");
        Path mvnw = executable(repo.resolve("mvnw"));
        Path pathMvn = executable(temp.resolve("bin/mvn"));

        List<String> command = locator(Map.of("PATH", pathMvn.getParent().toString())).command(repo);

        assertThat(command).containsExactly(mvnw.toString());
    }

    @Test
    void wrapperWithoutTheExecutableBitIsRunThroughTheShell() throws IOException {
        Path repo = temp.resolve("repo");
        Path mvnw = Files.createDirectories(repo).resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\n");

        assertThat(locator(Map.of()).command(repo)).containsExactly("sh", mvnw.toString());
    }

    @Test
    void overrideFromTheEnvironmentWinsOverEverything() throws IOException {
        Path repo = temp.resolve("repo");
        executable(repo.resolve("mvnw"));
        Path chosen = executable(temp.resolve("tools/maven/bin/mvn"));

        List<String> command = locator(Map.of(MavenLocator.OVERRIDE, chosen.toString())).command(repo);

        assertThat(command).containsExactly(chosen.toString());
    }

    @Test
    void overrideThatIsNotAnExecutableIsBadInput() {
        Map<String, String> env = Map.of(MavenLocator.OVERRIDE, temp.resolve("missing/mvn").toString());

        assertThatThrownBy(() -> locator(env).command(temp))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("ORCHESTRA_MAVEN=").hasMessageContaining("is not an executable file");
    }

    @Test
    void takesTheFirstExecutableMvnOnThePath() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path notExecutable = Files.createDirectories(temp.resolve("plain")).resolve("mvn");
        Files.writeString(notExecutable, "not a program");
        Path first = executable(temp.resolve("first/mvn"));
        executable(temp.resolve("second/mvn"));
        String path = String.join(File.pathSeparator, empty.toString(), notExecutable.getParent().toString(),
                first.getParent().toString(), temp.resolve("second").toString());

        assertThat(locator(Map.of("PATH", path)).command(temp.resolve("repo"))).containsExactly(first.toString());
    }

    @Test
    void fallsBackToTheNewestMavenTheWrapperInstalled() throws IOException {
        Path dists = temp.resolve("home/.m2/wrapper/dists");
        executable(dists.resolve("apache-maven-3.8.8-bin/1a2b3c/apache-maven-3.8.8/bin/mvn"));
        Path newest = executable(dists.resolve("apache-maven-3.10.1/9f8e7d6c/bin/mvn"));
        executable(dists.resolve("apache-maven-3.9.11/a2d47e15/bin/mvn"));

        assertThat(locator(Map.of("PATH", temp.resolve("nothing").toString())).command(temp.resolve("repo")))
                .containsExactly(newest.toString());
    }

    @Test
    void noMavenAnywhereIsBadInputThatSaysWhatToDo() {
        assertThatThrownBy(() -> locator(Map.of("PATH", temp.toString())).command(temp.resolve("repo")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no Maven found: install Maven 3.8+ or add the Maven wrapper (./mvnw) to the repository");
    }

    @Test
    void theMavenFoundOnThisMachineRuns() throws Exception {
        List<String> command = MavenLocator.fromSystem().command(temp);
        Path log = temp.resolve("mvn.log");

        ProcessResult result = ProcessRunner.of(concat(command, "--version")).directory(temp).logTo(log)
                .timeout(Duration.ofMinutes(2)).run();

        assertThat(result.succeeded()).isTrue();
        assertThat(log).content().contains("Apache Maven 3.");
    }

    private MavenLocator locator(Map<String, String> env) {
        return new MavenLocator(env, temp.resolve("home"), false);
    }

    private static List<String> concat(List<String> command, String arg) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(arg)).toList();
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho \"Apache Maven 3.8.8 (fake)\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file.toAbsolutePath();
    }
}
