package dev.orchestra.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerMessagesTest {
    @TempDir
    Path project;

    @Test
    void readsMavensErrorsInMainAndTestCodeOnceEachWithTheirFurtherLines() {
        String test = project.resolve("src/test/java/demo/NotesTest.java").toString();
        String main = project.resolve("src/main/java/demo/Notes.java").toString();
        List<String> log = List.of(
                "\u001B[0m[ERROR] COMPILATION ERROR : ",
                "[ERROR] " + test + ":[5,17] cannot find symbol",
                "  symbol:   class Rule",
                "  location: package org.junit",
                "[ERROR] " + main + ":[12,5] method does not override or implement a method from a supertype",
                "[WARNING] " + main + ":[3,8] [deprecation] Date(int,int,int) in java.util.Date has been deprecated",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:testCompile"
                        + " (default-testCompile) on project notes: Compilation failure: Compilation failure: ",
                "[ERROR] " + test + ":[5,17] cannot find symbol",
                "[ERROR]   symbol:   class Rule",
                "[ERROR]   location: package org.junit",
                "[ERROR] -> [Help 1]");

        List<CompilerMessage> messages = CompilerMessages.read(log, project);

        assertThat(messages).containsExactly(
                new CompilerMessage("error", "src/test/java/demo/NotesTest.java", 5, 17,
                        "cannot find symbol; symbol: class Rule; location: package org.junit"),
                new CompilerMessage("error", "src/main/java/demo/Notes.java", 12, 5,
                        "method does not override or implement a method from a supertype"),
                new CompilerMessage("warning", "src/main/java/demo/Notes.java", 3, 8,
                        "[deprecation] Date(int,int,int) in java.util.Date has been deprecated"));
        assertThat(CompilerMessages.errors(log, project)).hasSize(2);
    }

    @Test
    void readsTheMessagesOfAForkedCompilerWithoutItsOwnSeverityPrefix() {
        String test = project.resolve("src/test/java/org/joor/test/CompileTest.java").toString();
        List<String> log = List.of(
                "[ERROR] " + test + ":[32,26] error: package org.junit.validator does not exist",
                "[ERROR] " + test + ":[41,8] error: cannot find symbol",
                "[ERROR]   symbol:   class TestClassValidator",
                "[WARNING] " + test + ":[7,1] warning: [removal] SecurityManager has been deprecated");

        assertThat(CompilerMessages.read(log, project)).extracting(CompilerMessage::severity, CompilerMessage::message)
                .containsExactly(Tuple.tuple("error", "package org.junit.validator does not exist"),
                        Tuple.tuple("error", "cannot find symbol; symbol: class TestClassValidator"),
                        Tuple.tuple("warning", "[removal] SecurityManager has been deprecated"));
    }

    @Test
    void readsPlainJavacOutputWithoutTheEchoedSourceLine() throws Exception {
        Path source = project.resolve("src/Broken.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Broken {\n    int value() {\n        return missingMethod();\n    }\n}\n");
        Path out = project.resolve("javac.log");
        Process javac = new ProcessBuilder("javac", "-d", project.resolve("classes").toString(), source.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(javac.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<CompilerMessage> messages = CompilerMessages.read(Files.readAllLines(out), project);

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo("src/Broken.java");
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.error()).isTrue();
            assertThat(m.message()).startsWith("cannot find symbol; symbol:").contains("missingMethod()")
                    .doesNotContain("return", "^");
        });
    }

    @Test
    void readsKotlinDiagnosticsGivenAsFileUrisOrPaths() {
        String file = project.resolve("src/main/kotlin/App.kt").toUri().toString();
        List<String> log = List.of(
                "> Task :compileKotlin FAILED",
                "e: " + file + ":26:17 Unresolved reference: greet",
                "w: " + file + ":3:1 Parameter 'x' is never used",
                "e: " + project.resolve("src/main/kotlin/Old.kt") + ": (7, 2): Expecting member declaration");

        assertThat(CompilerMessages.read(log, project)).containsExactly(
                new CompilerMessage("error", "src/main/kotlin/App.kt", 26, 17, "Unresolved reference: greet"),
                new CompilerMessage("warning", "src/main/kotlin/App.kt", 3, 1, "Parameter 'x' is never used"),
                new CompilerMessage("error", "src/main/kotlin/Old.kt", 7, 2, "Expecting member declaration"));
    }
}
