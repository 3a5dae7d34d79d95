package dev.orchestra.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    private static final Pattern TAG_WITH_STYLE = Pattern.compile("<[a-zA-Z][^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_WITH_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path tmp;
    String html;

    @BeforeEach
    void renderTheSampleRun() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        RunState sample = SampleRun.create(repo, runDir);
        RunState state = RunStates.withRequest(sample, sample.request().toBuilder()
                .task("Greet <img src=x onerror=alert(1)> politely").build());
        Path bundle = new BundleWriter().write(state, repo.git.getRepository(), runDir, runDir.resolve("bundle"));
        html = Files.readString(bundle.resolve("report.html"));
    }

    @Test
    void theReportRunsUnderAStrictContentSecurityPolicy() {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style");
        assertThat(TAG_WITH_STYLE.matcher(html).find()).as("style attribute").isFalse();
        assertThat(TAG_WITH_HANDLER.matcher(html).find()).as("on* handler").isFalse();
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"report.css\">");
    }

    @Test
    void diffLinesAreEscapedAndMarkedAsAddedOrRemoved() {
        assertThat(html).contains("<span class=\"add\">+class GreeterTest {} // &lt;script&gt;alert(1)&lt;/script&gt;\n</span>");
        assertThat(html).contains("<span class=\"del\">-        return &quot;hi&quot;;\n</span>");
        assertThat(html).contains("<span class=\"hunk\">@@ -1,5 +1,5 @@\n</span>");
        assertThat(html).contains("Greet &lt;img src");
    }

    @Test
    void showsThePlanTestsNotesGatesAndMetrics() {
        assertThat(html).contains("<h3>greet <span class=\"agent\">code-writer</span>", "Say hello instead of hi");
        assertThat(html).contains("Newly passing (1)", "<code>demo.GreeterTest#greets</code>");
        assertThat(html).contains("String literal could be a constant");
        assertThat(html).contains("<th>plan</th><td>approved</td><td>alice</td>");
        assertThat(html).contains("<th>Tokens in / out</th><td>2000 / 500</td>");
    }
}
