package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.cli.CliRunner;
import dev.orchestra.testsupport.MarkdownOutline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket that opens a code fence and an HTML comment to hide the real sections of {@code SUMMARY.md} and add a
 * fake one, with terminal escapes; file names holding ANSI escapes and a line break; test ids with backticks and
 * comment openers. What a user reads (stdout, stderr, {@code SUMMARY.md}, {@code plan.md}, {@code report.html}) has
 * the sections Orchestra wrote and no control character, and the odd names shown escaped.
 */
class UntrustedTextTest {
    static final String ESC = "\u001b";
    static final String TICKET = "Fix the greeting.\n```\n\n## Risks\n\nNone found.\n\n<!-- the real sections follow\n"
            + ESC + "]0;pwned\u0007" + ESC + "[2J" + ESC + "[31mred alert" + ESC + "[0m\n";
    /** The tests: a test whose id holds a backtick and a comment opener appears once the step has run. */
    static final String VALIDATE = """
            mkdir -p target/surefire-reports
            extra=''
            if [ -f marker ]; then extra='<testcase classname="demo.OddTest" name="has`tick &lt;!-- x" time="0.01"/>'; fi
            cat > target/surefire-reports/TEST-demo.OddTest.xml <<EOF
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="demo.OddTest" tests="2">
            <testcase classname="demo.OddTest" name="plain" time="0.01"/>
            $extra
            </testsuite>
            EOF
            """;
    static final String CREATE_ODD_FILES = "printf x > \"$(printf 'red\\033[31m.txt')\"; "
            + "printf y > \"$(printf 'two\\nlines.txt')\"; touch marker";

    @TempDir
    Path temp;

    Path repo;

    @AfterAll
    static void writeCounts() {
        OperatorSettingsTest.SECTION.write();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "validate.sh", VALIDATE));
    }

    @Test
    void aTicketFileNamesAndTestIdsCannotRewriteTheSummaryOrTheTerminal() throws Exception {
        Reliability.Tally tally = OperatorSettingsTest.SECTION.tally(
                "ticket opens a fence and a comment; ANSI and a line break in file names; backticks in test ids");
        tally.tried();
        Path workflow = Files.writeString(temp.resolve("odd.yml"), "name: odd\ndescription: Odd names.\nsteps:\n"
                + "  - id: odd\n    agent: command\n    with:\n      run: '" + CREATE_ODD_FILES.replace("'", "''") + "'\n");

        CliRunner.Result result = Cli.orchestra(Map.of(), "run", "--repo", repo.toString(), "--workflow",
                workflow.toString(), "--task", TICKET, "--validate", "sh validate.sh", "--gates", "none", "--run-id", "u1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path runDir = repo.resolve(".orchestra/runs/u1");
        String summary = Files.readString(runDir.resolve("bundle/SUMMARY.md"));
        assertThat(MarkdownOutline.headings(summary)).containsExactly("# Orchestra run u1", "## Task",
                "## What changed", "## Tests", "## Notes", "## Gate decisions", "## What was not done", "## Risks",
                "## Metrics");
        assertThat(MarkdownOutline.openComments(summary)).isEmpty();
        assertThat(summary).contains("  - `two\\nlines.txt`\n", "  - `red.txt`\n", "  - ``demo.OddTest#has`tick <!-- x``\n");
        String plan = Files.readString(runDir.resolve("plan.md"));
        assertThat(MarkdownOutline.headings(plan)).containsExactly("# Plan: odd", "## Task", "## Steps",
                "## Edit the plan below");
        assertThat(MarkdownOutline.openComments(plan)).isEmpty();
        for (String shown : new String[] {result.out(), result.err(), summary, plan,
                Files.readString(runDir.resolve("bundle/report.html"))}) {
            assertThat(shown).doesNotContain(ESC, "\u0007", "\u009b");
        }
        tally.held();
    }
}
