package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.testsupport.GitCli;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.RuleMigrationScenario;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code junit4-to-junit5} workflow on a JUnit 4 project with a custom rule the recipe cannot migrate,
 * with real Maven, the real OpenRewrite Maven plugin and real compiler errors. Without a model the run escalates with
 * the recipe's work in a bundle {@code git am} applies and the leftovers by file and line; with the scripted model the
 * fix request holds the compiler errors and the broken file, and the run ends done. One project, cloned per test.
 */
class JUnit4MigrationTest {
    static final String KEY = "fake-key-for-tests-not-a-real-key";

    @TempDir
    static Path prepared;
    static Path origin;
    static String base;

    @TempDir
    Path temp;

    @BeforeAll
    static void prepareTheProjectOnce() throws Exception {
        origin = Files.createDirectories(prepared.resolve("origin"));
        for (Map.Entry<String, String> file : RuleMigrationScenario.files().entrySet()) {
            Path path = origin.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        GitCli.run(origin, "init", "-q", "-b", "main");
        GitCli.run(origin, "add", ".");
        GitCli.run(origin, "-c", "user.name=Test User", "-c", "user.email=test@example.invalid", "commit", "-q", "-m",
                "Notes with JUnit 4 tests and a custom rule");
        base = GitCli.run(origin, "rev-parse", "HEAD").trim();
    }

    @Test
    void withoutAModelTheRunEscalatesWithTheRecipesPatchGitAmAppliesAndTheLeftoversByFileAndLine() throws Exception {
        Path project = cloneOfTheProject();

        CliRunner.Result result = migrate(project, Map.of());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(12);
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("failure").asText()).contains("the build fails to compile (", "no model is configured")
                .doesNotContain("demo.NotesTest#");
        Path bundle = Path.of(out.get("bundlePath").asText());
        JsonNode manifest = Json.MAPPER.readTree(bundle.resolve("bundle.json").toFile());
        assertThat(manifest.get("steps").findValuesAsText("status")).containsExactly("LANDED", "NO_CHANGE");
        assertThat(manifest.get("leftovers")).anySatisfy(leftover -> {
            assertThat(leftover.get("kind").asText()).isEqualTo("compile-error");
            assertThat(leftover.get("file").asText()).isEqualTo(RuleMigrationScenario.RULE);
            assertThat(leftover.get("line").asInt()).isEqualTo(RuleMigrationScenario.RULE_IMPORT_LINE);
        });
        assertThat(bundle.resolve("SUMMARY.md")).content().contains("## What a human has to finish",
                "- " + RuleMigrationScenario.RULE + ":" + RuleMigrationScenario.RULE_IMPORT_LINE
                        + ": package org.junit.rules does not exist",
                "- " + RuleMigrationScenario.TEST + ":5: cannot find symbol");

        Path reviewer = temp.resolve("reviewer");
        GitCli.run(temp, "clone", "-q", origin.toString(), reviewer.toString());
        GitCli.run(reviewer, "checkout", "-q", base);
        List<String> am = new ArrayList<>(List.of("-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.invalid", "am"));
        try (Stream<Path> patches = Files.list(bundle.resolve("patches"))) {
            patches.sorted().forEach(patch -> am.add(patch.toString()));
        }
        assertThat(am).hasSize(6);
        GitCli.run(reviewer, am.toArray(String[]::new));
        assertThat(GitCli.run(reviewer, "rev-parse", "HEAD^{tree}"))
                .isEqualTo(GitCli.run(project, "rev-parse", out.get("branch").asText() + "^{tree}"));
        assertThat(reviewer.resolve("pom.xml")).content().contains("junit-jupiter");
    }

    @Test
    void withAModelTheFixRequestHoldsTheCompilerErrorsAndTheBrokenFileAndTheRunEndsDone() throws Exception {
        Path project = cloneOfTheProject();
        CliRunner.Result result;
        List<RecordedRequest> requests;
        try (ScriptedModelServer server = ScriptedModelServer.start().respondWith(RuleMigrationScenario::answer)) {
            result = migrate(project, Map.of("--model", "openai:gpt-4o-mini", "--base-url", server.baseUrl() + "/v1",
                    "--api-key-env", "ORCHESTRA_TEST_KEY"));
            requests = server.requests();
        }

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String fixRequest = requests.stream().filter(r -> r.systemPrompt().contains("asked to fix"))
                .map(JUnit4MigrationTest::userText).findFirst().orElseThrow();
        assertThat(fixRequest).contains("The build fails to compile (",
                RuleMigrationScenario.RULE + ":" + RuleMigrationScenario.RULE_IMPORT_LINE + ":23: package org.junit.rules does not exist",
                "> " + String.format("%4d", RuleMigrationScenario.RULE_IMPORT_LINE) + " | import org.junit.rules.ExternalResource;",
                "<file path=\"" + RuleMigrationScenario.RULE + "\">",
                "2 tests ran before the change and did not run after it")
                .doesNotContain("- demo.NotesTest#");
        assertThat(fixRequest.length()).as("within the fix request's budget").isLessThan(16_000 * 4);

        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("status").asText()).isEqualTo("done");
        assertThat(out.get("metrics").get("fixIterations").asInt()).isOne();
        JsonNode before = out.get("metrics").get("testsBefore");
        JsonNode after = out.get("metrics").get("testsAfter");
        assertThat(after.get("passed").asLong()).isGreaterThanOrEqualTo(before.get("passed").asLong()).isPositive();
        assertThat(after.get("failed").asLong() + after.get("errors").asLong()).isZero();
        assertThat(project.resolve(RuleMigrationScenario.TEST)).content().contains("@RegisterExtension")
                .doesNotContain("org.junit.Rule");
        assertThat(new TestRepo(project).log(out.get("branch").asText())).first().asString()
                .startsWith(RuleMigrationScenario.FIX_STEP + ":");
    }

    private Path cloneOfTheProject() throws Exception {
        Path project = temp.resolve("project");
        GitCli.run(temp, "clone", "-q", origin.toString(), project.toString());
        return project;
    }

    private static CliRunner.Result migrate(Path project, Map<String, String> modelFlags) {
        String maven = String.join(" ", MavenLocator.fromSystem().command(project));
        List<String> args = new ArrayList<>(List.of("run", "--repo", project.toString(), "--workflow", "junit4-to-junit5",
                "--validate", maven + " -B -q test", "--gates", "none", "--run-id", "m1", "--json"));
        modelFlags.forEach((flag, value) -> args.addAll(List.of(flag, value)));
        return TestRepo.orchestra(Map.of("ORCHESTRA_TEST_KEY", KEY), args.toArray(String[]::new));
    }

    private static String userText(RecordedRequest request) {
        StringBuilder text = new StringBuilder();
        request.body().path("messages").forEach(m -> {
            if (!m.path("role").asText().equals("system")) {
                text.append(m.path("content").asText()).append('\n');
            }
        });
        return text.toString();
    }
}
