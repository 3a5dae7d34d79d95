package dev.orchestra.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    private static final String ESC = "\u001b";

    @Test
    void stripsAnsiColoursCursorMovesAndTitleChanges() {
        String text = ESC + "[31mred" + ESC + "[0m " + ESC + "[2K" + ESC + "[1A up " + ESC + "]0;pwned\u0007title "
                + ESC + "]8;;https://evil.example" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\";

        assertThat(ControlCharacters.strip(text)).isEqualTo("red  up title link");
    }

    @Test
    void keepsLineBreaksAndTabsAndTurnsACarriageReturnIntoALineBreak() {
        assertThat(ControlCharacters.strip("a\tb\r\nc\rall good\u0000\u0007\u007f\u009b1m"))
                .isEqualTo("a\tb\nc\nall good");
    }

    @Test
    void stripsBidirectionalOverrides() {
        assertThat(ControlCharacters.strip("access\u202E\u2066level\u2069")).isEqualTo("accesslevel");
    }

    @Test
    void leavesOrdinaryTextAsItIs() {
        String text = "Grüße — 日本語 `code` <b>bold</b>\n\tindented";

        assertThat(ControlCharacters.strip(text)).isSameAs(text);
    }
}
