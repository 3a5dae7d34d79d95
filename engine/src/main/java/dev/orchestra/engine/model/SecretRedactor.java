package dev.orchestra.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [REDACTED]}: the values of environment variables whose names look secret
 * ({@code *KEY*}, {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}; values of 8 characters or more), and
 * well-known key shapes (OpenAI and Anthropic keys, AWS access key ids, GitHub and Slack tokens, private keys).
 */
public final class SecretRedactor {
    public static final String MASK = "[REDACTED]";
    private static final int MIN_SECRET_LENGTH = 8;
    private static final List<String> SECRET_NAME_PARTS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD");
    private static final List<Pattern> KEY_PATTERNS = List.of(
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|[\\s\\S]*)"),
            Pattern.compile("sk-(?:ant-)?[A-Za-z0-9_\\-]{16,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("xox[bpas]-[A-Za-z0-9\\-]{10,}"));

    private final List<String> values;

    private SecretRedactor(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(sorted);
    }

    /** Redacts the values of the secret-looking variables of {@code env}, and the key patterns. */
    public static SecretRedactor fromEnvironment(Map<String, String> env) {
        List<String> values = new ArrayList<>();
        env.forEach((name, value) -> {
            if (looksSecret(name) && value != null && value.length() >= MIN_SECRET_LENGTH) {
                values.add(value);
            }
        });
        return new SecretRedactor(values);
    }

    /** Redacts these values (nulls and short values ignored), and the key patterns. */
    public static SecretRedactor withValues(String... secrets) {
        List<String> values = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                values.add(secret);
            }
        }
        return new SecretRedactor(values);
    }

    /** True for names like {@code OPENAI_API_KEY}, {@code GITHUB_TOKEN}, {@code DB_PASSWORD}. */
    public static boolean looksSecret(String variableName) {
        String upper = variableName.toUpperCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(upper::contains);
    }

    /** The text with every secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : values) {
            result = result.replace(value, MASK);
        }
        for (Pattern pattern : KEY_PATTERNS) {
            result = pattern.matcher(result).replaceAll(MASK);
        }
        return result;
    }
}
