package dev.orchestra.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void aBlockIsFencedLongerThanAnyBacktickRunInIt() {
        String text = "Do it.\n```\n## Risks\n\nNone.\n<!--\n````yaml\n";

        String block = MarkdownText.block(text);

        assertThat(block).isEqualTo("`````text\nDo it.\n```\n## Risks\n\nNone.\n<!--\n````yaml\n`````\n");
    }

    @Test
    void anIndentedBlockIndentsEveryLineButTheEmptyOnes() {
        assertThat(MarkdownText.block("one\n\ntwo", "   ")).isEqualTo("   ```text\n   one\n\n   two\n   ```\n");
    }

    @Test
    void aCodeSpanOutlastsTheBackticksInItAndShowsLineBreaksEscaped() {
        assertThat(MarkdownText.code("src/A.java")).isEqualTo("`src/A.java`");
        assertThat(MarkdownText.code("a`b``c")).isEqualTo("```a`b``c```");
        assertThat(MarkdownText.code("`edge")).isEqualTo("`` `edge ``");
        assertThat(MarkdownText.code("two\nlines.txt")).isEqualTo("`two\\nlines.txt`");
        assertThat(MarkdownText.code("\u001b[31mred.txt")).isEqualTo("`red.txt`");
    }

    @Test
    void inlineProseCannotOpenACommentALinkAnImageOrAHeading() {
        String text = "# Risks <!-- hidden --> ![x](https://tracker.example/p.png) [ok](javascript:x) `c` *b* &amp;\nnext";

        assertThat(MarkdownText.inline(text)).isEqualTo("\\# Risks \\<\\!-- hidden --\\> \\!\\[x\\](https://tracker.example/p.png)"
                + " \\[ok\\](javascript:x) \\`c\\` \\*b\\* \\&amp; next");
    }
}
