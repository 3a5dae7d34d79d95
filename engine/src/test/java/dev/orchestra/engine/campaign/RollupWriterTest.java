package dev.orchestra.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollup files: totals, one row per repository, and nothing from a run that can script or restyle the page. */
class RollupWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTotalsAndOneRowPerRepository() throws Exception {
        RollupWriter.write(dir, SampleCampaign.of("docs", "https://forge.example/acme/search/pull/9"));

        String md = Files.readString(dir.resolve("ROLLUP.md"));
        assertThat(md).contains("**Repositories:** 3 (3 finished: 1 done, 1 escalated, 1 failed, 0 other)",
                "**Tests passing:** 58 before, 57 after; failing 2 before, 3 after", "**Pull requests:** 2",
                "| search | escalated | 12 | 20 passed, 0 failed | 17 passed, 3 failed |");
        String html = Files.readString(dir.resolve("rollup.html"));
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"rollup.css\">", "aria-label=\"1 done, 1 escalated, 1 failed")
                .contains("<a href=\"https://forge.example/acme/search/pull/9\">draft</a>");
        assertThat(dir.resolve("campaign.json")).content().contains("\"pullRequests\" : 2");
    }

    @Test
    void valuesFromRunsAreEscapedAndOnlyHttpLinksAreLinks() throws Exception {
        RollupWriter.write(dir, SampleCampaign.of("<script>alert(1)</script>", "javascript:alert(1)"));

        String html = Files.readString(dir.resolve("rollup.html"));
        assertThat(html).doesNotContain("<script", "javascript:", "style=", "<style", " on")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Files.readString(dir.resolve("ROLLUP.md"))).doesNotContain("<script>");
    }
}
