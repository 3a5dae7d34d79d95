package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
    private final StringWriter out = new StringWriter();

    @Test
    void aCiLogGetsTheStatusLineOnlyWhenItChangesBeyondItsTimesAndTokens() {
        ProgressLines lines = new ProgressLines(new PrintWriter(out), false);

        lines.progress("delegate: s1 (code-writer) started");
        lines.board("steps: 0 done, 2 running (s1 0.1s, s2 0.1s), 0 waiting, 0 failed");
        lines.board("steps: 0 done, 2 running (s1 2.1s 1200 tok, s2 2.1s), 0 waiting, 0 failed");
        lines.board("steps: 1 done, 1 running (s2 4.0s), 0 waiting, 0 failed");

        assertThat(out.toString()).isEqualTo("""
                [orchestra] delegate: s1 (code-writer) started
                [orchestra] steps: 0 done, 2 running (s1 0.1s, s2 0.1s), 0 waiting, 0 failed
                [orchestra] steps: 1 done, 1 running (s2 4.0s), 0 waiting, 0 failed
                """).doesNotContain("\r");
    }

    @Test
    void aTerminalRedrawsTheStatusLineInPlaceAndClearsItBeforeAProgressLine() {
        ProgressLines lines = new ProgressLines(new PrintWriter(out), true);

        lines.board("steps: 0 done, 1 running (s1 0.1s), 0 waiting, 0 failed");
        lines.board("steps: 0 done, 1 running (s1 1.1s), 0 waiting, 0 failed");
        lines.progress("delegate: s1 changed 1 file(s)");

        assertThat(out.toString()).isEqualTo("\r\033[2K[orchestra] steps: 0 done, 1 running (s1 0.1s), 0 waiting, 0 failed"
                + "\r\033[2K[orchestra] steps: 0 done, 1 running (s1 1.1s), 0 waiting, 0 failed"
                + "\r\033[2K[orchestra] delegate: s1 changed 1 file(s)" + System.lineSeparator());
    }
}
