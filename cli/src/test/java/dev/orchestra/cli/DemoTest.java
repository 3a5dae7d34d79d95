package dev.orchestra.cli;

import static dev.orchestra.cli.TestRepo.orchestra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import dev.orchestra.testsupport.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: real Maven, the real OpenRewrite Maven plugin (from Maven Central), real
 * surefire reports, and the real git am applying the bundle on the base commit.
 */
class DemoTest {
    @TempDir
    Path temp;

    @Test
    void demoMigratesTheTestsToJUnit5WithTheSameTestsPassingAndABundleGitAmApplies() throws Exception {
        Path project = temp.resolve("calculator");
        CliRunner.Result result = orchestra("demo", "--dir", project.toString(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode out = Json.MAPPER.readTree(result.out());
        assertThat(out.get("status").asText()).isEqualTo("done");
        assertThat(project.resolve("src/test/java/demo/CalculatorTest.java")).content()
                .contains("org.junit.jupiter.api.Test").doesNotContain("org.junit.Test;");
        assertThat(project.resolve("pom.xml")).content().contains("junit-jupiter");

        JsonNode metrics = out.get("metrics");
        long passedBefore = metrics.get("testsBefore").get("passed").asLong();
        assertThat(passedBefore).isPositive();
        assertThat(metrics.get("testsAfter").get("passed").asLong()).isEqualTo(passedBefore);
        assertThat(metrics.get("testsAfter").get("failed").asLong()).isZero();

        Path bundle = Path.of(out.get("bundlePath").asText());
        for (String file : new String[] {"bundle.json", "SUMMARY.md", "metrics.json", "transcript.jsonl", "report.html",
                "report.css", "tests/baseline", "tests/final"}) {
            assertThat(bundle.resolve(file)).exists();
        }
        assertThat(Files.readString(bundle.resolve("report.html"))).doesNotContain("<script", "style=");
        assertGitAmReproducesTheRunBranch(project, bundle, out.get("baseCommit").asText(), out.get("branch").asText());
    }

    private void assertGitAmReproducesTheRunBranch(Path project, Path bundle, String base, String branch) throws Exception {
        Path clone = temp.resolve("clone");
        git(temp, "clone", "-q", project.toString(), clone.toString());
        git(clone, "checkout", "-q", base);
        Path[] patches;
        try (Stream<Path> files = Files.list(bundle.resolve("patches"))) {
            patches = files.sorted().toArray(Path[]::new);
        }
        assertThat(patches).isNotEmpty();
        String[] am = new String[patches.length + 5];
        am[0] = "-c";
        am[1] = "user.name=Reviewer";
        am[2] = "-c";
        am[3] = "user.email=reviewer@example.invalid";
        am[4] = "am";
        for (int i = 0; i < patches.length; i++) {
            am[i + 5] = patches[i].toString();
        }
        git(clone, am);
        assertThat(git(clone, "rev-parse", "HEAD^{tree}")).isEqualTo(git(project, "rev-parse", branch + "^{tree}"));
    }

    private static String git(Path dir, String... args) throws Exception {
        return GitCli.run(dir, args).trim();
    }
}
