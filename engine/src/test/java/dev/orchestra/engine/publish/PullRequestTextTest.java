package dev.orchestra.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull request's title and description as a reviewer reads them on the forge. */
class PullRequestTextTest {
    private static final String FOOTER = "Opened by Orchestra, run `r1`: patch series sha256 `0123456789ab`";

    @Test
    void aSummaryThatFitsIsSentWholeWithTheFooter() {
        String body = PullRequestText.body("# Orchestra run r1\n\nAll good.\n", FOOTER, 65_536);

        assertThat(body).isEqualTo("# Orchestra run r1\n\nAll good.\n\n\n---\n" + FOOTER);
    }

    @Test
    void aLongSummaryIsCutAtALineToTheForgesLimitAndSaysWhereTheRestIs() {
        String summary = "# Orchestra run r1\n\n" + "- a test that now fails, with its long message\n".repeat(2_000);

        String body = PullRequestText.body(summary, FOOTER, 32_768);

        assertThat(body.length()).isLessThanOrEqualTo(32_768);
        assertThat(body).startsWith("# Orchestra run r1").endsWith(FOOTER)
                .contains("fails, with its long message\n\n… (cut to fit the forge's limit of 32768 characters; the whole"
                        + " SUMMARY.md is in the bundle)");
    }

    @Test
    void theTitleIsTheTasksFirstLineOrTheWorkflowsName() {
        RunState ticket = new RunState(RunRequest.builder().runId("r1")
                .task("\n## Migrate billing to JUnit 5\n\nAcceptance: all tests pass.")
                .model("openai:gpt-4o-mini", Map.of()).build(), "main", Instant.EPOCH);
        RunState workflowOnly = new RunState(RunRequest.builder().runId("r2")
                .workflow("/home/ci/workflows/junit4-to-junit5.yml", new Plan("junit4-to-junit5", "", List.of())).build(), "main", Instant.EPOCH);

        assertThat(PullRequestText.title(ticket)).isEqualTo("Migrate billing to JUnit 5");
        assertThat(PullRequestText.title(workflowOnly)).isEqualTo("Orchestra: junit4-to-junit5");
    }
}
