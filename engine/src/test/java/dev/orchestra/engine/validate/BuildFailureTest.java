package dev.orchestra.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFailureTest {
    @TempDir
    Path project;

    @Test
    void aBuildWithCompilerErrorsFailsToCompileCountingThem() {
        String file = project.resolve("src/test/java/demo/NotesTest.java").toString();
        BuildFailure failure = BuildFailure.of(List.of(
                "[ERROR] " + file + ":[5,17] cannot find symbol",
                "[ERROR] " + file + ":[12,6] cannot find symbol",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:testCompile"
                        + " (default-testCompile) on project notes: Compilation failure: Compilation failure: ",
                "[ERROR] -> [Help 1]"), project);

        assertThat(failure.compileBroken()).isTrue();
        assertThat(failure.describe()).isEqualTo("the build fails to compile (2 errors)");
        assertThat(failure.errors()).extracting(CompilerMessage::oneLine).containsExactly(
                "src/test/java/demo/NotesTest.java:5: cannot find symbol",
                "src/test/java/demo/NotesTest.java:12: cannot find symbol");
        assertThat(failure.summary()).isEqualTo(
                "maven-compiler-plugin:3.13.0:testCompile (default-testCompile) on project notes: Compilation failure");
    }

    @Test
    void aBuildThatBreaksWithoutADiagnosticIsNamedByItsPluginsSummary() {
        BuildFailure maven = BuildFailure.of(List.of("[ERROR] Failed to execute goal on project notes: Could not resolve"
                + " dependencies for project demo:notes:jar:1.0: org.junit:junit-bom:pom:9.9 was not found -> [Help 1]"), project);
        BuildFailure gradle = BuildFailure.of(List.of("FAILURE: Build failed with an exception.", "", "* What went wrong:",
                "Execution failed for task ':compileTestJava'.",
                "> Compilation failed; see the compiler error output for details.", "", "* Try:"), project);

        assertThat(maven.compileBroken()).isFalse();
        assertThat(maven.describe()).isEqualTo("the build fails: on project notes: Could not resolve dependencies for"
                + " project demo:notes:jar:1.0: org.junit:junit-bom:pom:9.9 was not found");
        assertThat(gradle.compileBroken()).isTrue();
        assertThat(gradle.describe()).isEqualTo("the build fails to compile: Execution failed for task ':compileTestJava'."
                + " Compilation failed; see the compiler error output for details.");
    }

    @Test
    void readsOnlyWhatTheLogGainedSinceTheOffset() throws Exception {
        Path log = project.resolve("final-validation.log");
        String file = project.resolve("A.java").toString();
        Files.writeString(log, "[ERROR] " + file + ":[1,1] an error an earlier run fixed\n");
        long offset = Files.size(log);
        Files.writeString(log, "[INFO] BUILD SUCCESS\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(BuildFailure.read(log, offset, project)).isNull();
        assertThat(BuildFailure.read(log, 0, project).errorCount()).isOne();
    }
}
