package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.context.TokenEstimate;
import dev.orchestra.engine.state.Breakage;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.state.ValidationRecord;
import dev.orchestra.engine.validate.BuildFailure;
import dev.orchestra.engine.validate.CompilerMessage;
import dev.orchestra.engine.validate.TestCase;
import dev.orchestra.engine.validate.TestComparisons;
import dev.orchestra.engine.validate.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken build after a change that stopped 400 tests from running: what the fix request holds, and its size. */
class FixBudgetTest {
    static final String BROKEN = "src/test/java/demo/ScratchFolder.java";
    static final String USER = "src/test/java/demo/NotesTest.java";

    @TempDir
    Path repo;

    RunState state;
    String diff;
    final ToIntFunction<String> fileTokens = file -> TokenEstimate.of(read(repo.resolve(file)));

    @BeforeEach
    void aBuildThatBrokeAfterAChange() throws IOException {
        write(BROKEN, "package demo;\n\nimport org.junit.rules.ExternalResource;\n\npublic class ScratchFolder extends ExternalResource {\n}\n");
        write(USER, "package demo;\n\npublic class NotesTest {\n    public ScratchFolder scratch = new ScratchFolder();\n}\n");
        write("src/main/java/demo/Unrelated.java", "package demo;\n\npublic class Unrelated {\n}\n");
        state = RunStates.any();
        state.recordValidation(new ValidationRecord("baseline", "mvn test", "a"));
        state.baseline().tests = new TestRun(0, IntStream.range(0, 400)
                .mapToObj(i -> new TestCase("demo.Test" + i + "#works", TestCase.Outcome.PASSED, "", "", 0.1)).toList(), 1000);
        state.recordValidation(new ValidationRecord("final", "mvn test", "b"));
        state.validation().tests = new TestRun(1, List.of(), 1000);
        state.validation().comparison = TestComparisons.compare(state.baseline().tests, state.validation().tests);
        state.validation().build = new BuildFailure(List.of(
                new CompilerMessage("error", BROKEN, 3, 23, "package org.junit.rules does not exist"),
                new CompilerMessage("error", BROKEN, 5, 36, "cannot find symbol; symbol: class ExternalResource")), 2, null);
        StepRecord migrate = new StepRecord("migrate", "openrewrite");
        migrate.files = new ArrayList<>(List.of(USER, "src/main/java/demo/Unrelated.java", "pom.xml"));
        RunStates.addSteps(state, migrate);
        diff = "diff --git a/pom.xml b/pom.xml\n" + "-    <artifactId>junit</artifactId>\n".repeat(20_000);
    }

    @Test
    void theRequestLeadsWithTheCompilerErrorsAndTheirSourceAndSaysInOneLineThatTheTestsDidNotRun() {
        FixBudget.Fitted fitted = fit();

        assertThat(fitted.report()).startsWith("The build fails to compile (2 errors):\n- " + BROKEN
                        + ":3:23: package org.junit.rules does not exist\n")
                .contains(">    3 | import org.junit.rules.ExternalResource;",
                        "400 tests ran before the change and did not run after it (e.g. demo.Test0#works,")
                .doesNotContain("demo.Test399#works");
        assertThat(fitted.files()).as("the broken file, then the changed file that uses it, not the unrelated one")
                .containsExactly(BROKEN, USER);
    }

    @Test
    void aRequestWith400UnrunTestsAndAHugeDiffStaysWithinTheBudget() {
        FixBudget.Fitted fitted = fit();

        assertThat(fitted.tokens(fileTokens) + FixBudget.OVERHEAD).isLessThanOrEqualTo(FixBudget.TOKENS);
        assertThat(fitted.diff()).startsWith("diff --git a/pom.xml").contains("more characters");
    }

    @Test
    void theFileThatBrokeTheBuildIsShownEvenWhenItAloneIsOverTheBudget() throws IOException {
        write(BROKEN, read(repo.resolve(BROKEN)) + "// a very long file\n".repeat(10_000));

        FixBudget.Fitted fitted = fit();

        assertThat(fitted.files()).containsExactly(BROKEN);
        assertThat(fitted.mapTokens()).isEqualTo(FixBudget.MIN_MAP);
    }

    private FixBudget.Fitted fit() {
        Breakage breakage = Breakage.of(state);
        return FixBudget.fit("Migrate the tests to JUnit 5.", FailureReport.of(state, breakage, repo), diff, fileTokens);
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
