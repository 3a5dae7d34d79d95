package dev.orchestra.engine.context;

/**
 * A cheap estimate of how many model tokens a text costs, for budgets: one token per four
 * characters, rounded up. Tokenizers of current models average three to four characters per token
 * on English and source code, so this errs slightly low on dense code; budgets should keep a margin.
 */
public final class TokenEstimate {
    /** Characters per token assumed by {@link #of(String)}. */
    public static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    public static int of(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The estimate for {@code line} followed by a line break (what {@code of(line + "\n")} gives, without the copy). */
    public static int ofLine(String line) {
        return (line.length() + 1 + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
