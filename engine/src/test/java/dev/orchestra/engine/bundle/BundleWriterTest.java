package dev.orchestra.engine.bundle;

import static dev.orchestra.engine.bundle.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.validate.BuildFailure;
import dev.orchestra.engine.validate.CompilerMessage;
import dev.orchestra.engine.validate.TestComparisons;
import dev.orchestra.engine.validate.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    @TempDir
    Path tmp;
    TestRepo repo;
    Path runDir;
    RunState state;
    Path bundle;

    @BeforeEach
    void finishedRun() throws Exception {
        repo = TestRepo.create(tmp.resolve("repo"));
        runDir = Files.createDirectories(tmp.resolve("repo/.orchestra/runs/run-42"));
        state = SampleRun.create(repo, runDir);
        bundle = runDir.resolve("bundle");
    }

    @Test
    void writesEveryFileOfTheBundleLayout() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        assertThat(files(bundle).keySet()).containsExactly(
                "SUMMARY.md", "bundle.json", "metrics.json",
                "patches/0001-say-hello-instead-of-hi.patch", "patches/0002-add-script-test-remove-old-txt.patch",
                "report.css", "report.html",
                "tests/baseline/TEST-demo.GreeterTest.xml", "tests/final/TEST-demo.GreeterTest.xml",
                "transcript.jsonl");
        assertThat(Files.readString(bundle.resolve("transcript.jsonl"))).contains("\"step\":\"greet\"");
        assertThat(runDir.resolve("bundle.tmp")).doesNotExist();
    }

    @Test
    void aRiskNamingHundredsOfFailingTestsNamesTenAndCountsTheRest() throws Exception {
        java.util.List<String> ids = java.util.stream.IntStream.range(0, 388).mapToObj(i -> "demo.T" + i + "#works").toList();
        state.validation().comparison = new dev.orchestra.engine.validate.TestComparison(ids, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), 0, java.util.List.of());

        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        String risk = Files.readAllLines(bundle.resolve("SUMMARY.md")).stream()
                .filter(line -> line.contains("fail now that passed before")).findFirst().orElseThrow();
        assertThat(risk).contains("388 test(s)", "T9\\#works and 378 more").doesNotContain("T10");
    }

    @Test
    void aTicketOrTheModelCannotAddOrHideASectionOfTheSummary() throws Exception {
        state = RunStates.withRequest(state, state.request().toBuilder()
                .task("Fix it.\n```\n\n## Risks\n\nNone found.\n\n<!-- the real sections follow").build());
        RunStates.planSummary(state, "Plan.\n````\n## What was not done\n\nEverything planned was done.");
        state.steps().get(0).summary = "Done <!-- hide";
        state.steps().get(0).files = List.of("evil\n## Tests\n.txt", "\u001b[31mred\u001b[0m.txt", "a`b.txt");
        RunStates.end(state, RunStatus.DONE, "\u001b]0;pwned\u0007<!--");

        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        String summary = Files.readString(bundle.resolve("SUMMARY.md"));
        assertThat(dev.orchestra.testsupport.MarkdownOutline.headings(summary)).containsExactly("# Orchestra run run-42",
                "## Task", "## Plan", "## What changed", "## Tests", "## Notes", "## Gate decisions",
                "## What was not done", "## Risks", "## Metrics");
        assertThat(dev.orchestra.testsupport.MarkdownOutline.openComments(summary)).isEmpty();
        assertThat(summary).doesNotContain("\u001b", "\u0007").contains("  - `evil\\n## Tests\\n.txt`\n",
                "  - `red.txt`\n", "  - ``a`b.txt``\n");
        assertThat(Files.readString(bundle.resolve("report.html"))).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void modelTextHoldingASecretIsRedactedInEveryFileOfTheBundle() throws Exception {
        String secret = "fake-mysql-pwd-0123456789";
        RunStates.planSummary(state, "I will use the password " + secret + ".");
        state.steps().get(0).summary = "Logged in with " + secret;
        RunStates.end(state, RunStatus.DONE, "failed: " + secret);

        new BundleWriter(dev.orchestra.engine.model.SecretRedactor.fromEnvironment(Map.of("MYSQL_PWD", secret)))
                .write(state, repo.git.getRepository(), runDir, bundle);

        files(bundle).forEach((name, content) -> assertThat(content).as(name).doesNotContain(secret));
        assertThat(Files.readString(bundle.resolve("SUMMARY.md"))).contains("Logged in with \\[REDACTED\\]");
    }

    @Test
    void bundleJsonDescribesTheBranchStepsGatesAndTests() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        JsonNode json = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        assertThat(json.path("baseCommit").asText()).isEqualTo(repo.base);
        assertThat(json.path("runBranch").asText()).isEqualTo(SampleRun.BRANCH);
        assertThat(json.path("headCommit").asText()).isEqualTo(state.steps().get(1).commit);
        assertThat(json.path("status").asText()).isEqualTo("DONE");
        assertThat(json.path("steps")).hasSize(3);
        JsonNode greet = json.path("steps").get(0);
        assertThat(greet.path("agent").asText()).isEqualTo("code-writer");
        assertThat(greet.path("files").toString()).isEqualTo("[\"NOTES\",\"src/Greeter.java\"]");
        assertThat(greet.path("patch").asText()).isEqualTo("patches/0001-say-hello-instead-of-hi.patch");
        assertThat(json.path("steps").get(2).path("notes").get(0).path("message").asText())
                .isEqualTo("String literal could be a constant");
        assertThat(json.path("gates").get(0).path("by").asText()).isEqualTo("alice");
        assertThat(json.path("tests").path("before").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("tests").path("comparison").path("newlyPassing").get(0).asText())
                .isEqualTo("demo.GreeterTest#greets");
        assertThat(json.path("validationCommands").get(0).asText()).isEqualTo("./mvnw -B test");
        assertThat(json.path("budgets").isObject()).isTrue();
    }

    @Test
    void summaryNamesTheChangedFilesTheNewlyPassingTestNotesAndWhatWasNotDone() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        String summary = Files.readString(bundle.resolve("SUMMARY.md"));
        assertThat(summary).contains("`src/Greeter.java`", "`src/GreeterTest.java`", "Greeting says hello");
        assertThat(summary).contains("- Newly passing (1):\n  - `demo.GreeterTest#greets`");
        assertThat(summary).contains("warning [lint] `src/Greeter.java:3` String literal could be a constant");
        assertThat(summary).contains("step lint (static-analysis) changed nothing: No fixes to apply");
        assertThat(summary).contains("- plan: approved by alice at 2025-03-04T10:05:00Z", "- patch: approved by auto");
        assertThat(summary).contains("| Time to ready for review | 20m 00s |", "| Cost | $0.0200 |");
    }

    @Test
    void gitAmOfTheBundlePatchesReproducesTheRunBranch() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        List<Path> patches;
        try (Stream<Path> list = Files.list(bundle.resolve("patches"))) {
            patches = list.sorted().toList();
        }
        Path applied = GitCli.amOnBase(repo.dir, repo.base, tmp, patches);
        assertThat(git(applied, "rev-parse", "HEAD^{tree}"))
                .isEqualTo(git(repo.dir, "rev-parse", SampleRun.BRANCH + "^{tree}"));
    }

    @Test
    void writingTwiceGivesTheSameBundleAndDropsFilesOfTheOldOne() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);
        Map<String, String> first = files(bundle);
        Files.writeString(bundle.resolve("stale.txt"), "left over");

        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        assertThat(files(bundle)).isEqualTo(first);
    }

    @Test
    void aRunWithNothingLandedStillWritesACompleteBundle() throws Exception {
        state = RunStates.withRequest(state, state.request().toBuilder().runId("never-created").build());
        RunStates.clearSteps(state);
        RunStates.forgetValidation(state);

        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        assertThat(bundle.resolve("patches")).isEmptyDirectory();
        assertThat(Files.readString(bundle.resolve("SUMMARY.md")))
                .contains("Nothing landed on the branch.", "no validation after the changes");
    }

    @Test
    void anEscalatedRunWhoseBuildBrokeListsWhatAHumanHasToFinishByFileAndLine() throws Exception {
        RunStates.end(state, RunStatus.ESCALATED, null);
        state.validation().tests = new TestRun(1, List.of(), 3000);
        state.validation().comparison = TestComparisons.compare(state.baseline().tests, state.validation().tests);
        state.validation().build = new BuildFailure(List.of(
                new CompilerMessage("error", "src/GreeterTest.java", 6, 23, "package org.junit.rules does not exist"),
                new CompilerMessage("error", "src/GreeterTest.java", 9, 36, "cannot find symbol; symbol: class ExternalResource")),
                2, null);

        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        assertThat(Files.readString(bundle.resolve("SUMMARY.md"))).contains("## What a human has to finish",
                "- the build fails to compile (2 errors)\n",
                "- src/GreeterTest.java:6: package org.junit.rules does not exist\n",
                "- src/GreeterTest.java:9: cannot find symbol; symbol: class ExternalResource\n",
                "- 2 tests ran before the change and did not run after it\n");
        assertThat(Files.readString(bundle.resolve("report.html"))).contains("What a human has to finish",
                "<li>src/GreeterTest.java:6: package org.junit.rules does not exist</li>");
        JsonNode leftovers = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile()).get("leftovers");
        assertThat(leftovers.findValuesAsText("kind")).containsExactly("build", "compile-error", "compile-error", "not-run");
        assertThat(leftovers.get(1).get("file").asText()).isEqualTo("src/GreeterTest.java");
        assertThat(leftovers.get(1).get("line").asInt()).isEqualTo(6);
    }

    @Test
    void aDoneRunHasNoLeftovers() throws Exception {
        new BundleWriter().write(state, repo.git.getRepository(), runDir, bundle);

        assertThat(Files.readString(bundle.resolve("SUMMARY.md"))).doesNotContain("What a human has to finish");
        assertThat(Files.readString(bundle.resolve("report.html"))).doesNotContain("What a human has to finish");
        assertThat(new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile()).get("leftovers")).isEmpty();
    }

    static Map<String, String> files(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
