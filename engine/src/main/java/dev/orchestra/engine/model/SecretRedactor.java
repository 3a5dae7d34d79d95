package dev.orchestra.engine.model;

import dev.orchestra.engine.process.EnvironmentPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [REDACTED]}: the values of every environment variable that is not known to
 * be harmless ({@link EnvironmentPolicy#secrets}) as they are, split over two lines, base64-encoded or URL-encoded,
 * and well-known key shapes (OpenAI and Anthropic keys, AWS access key ids, GitHub and Slack tokens, private keys,
 * the password in {@code scheme://user:password@host}).
 */
public final class SecretRedactor {
    public static final String MASK = "[REDACTED]";
    /** Each with the literal text every match contains, so text without it (most of a prompt) is not searched. */
    private static final List<Finder> KEY_SHAPES = List.of(
            new Finder(Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----"
                    + "(?:[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|[\\s\\S]*)"), "a private key", List.of("-----BEGIN ")),
            new Finder(Pattern.compile("sk-(?:ant-)?[A-Za-z0-9_\\-]{16,}"), "an OpenAI or Anthropic API key", List.of("sk-")),
            new Finder(Pattern.compile("AKIA[0-9A-Z]{16}"), "an AWS access key id", List.of("AKIA")),
            new Finder(Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"), "a GitHub token",
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
            new Finder(Pattern.compile("xox[bpas]-[A-Za-z0-9\\-]{10,}"), "a Slack token",
                    List.of("xoxb-", "xoxp-", "xoxa-", "xoxs-")),
            new Finder(Pattern.compile("(?<=://[^\\s:/@]{0,256}:)[^\\s:/@]+(?=@)"), "a password in a URL",
                    List.of("://")));

    /**
     * One way a secret shows in text, and how to name it without showing it; when {@code anchors} is not empty,
     * every match contains one of them, and text holding none is not searched.
     */
    private record Finder(Pattern pattern, String description, List<String> anchors) {
        boolean mayMatch(String text) {
            return anchors.isEmpty() || anchors.stream().anyMatch(text::contains);
        }
    }

    /** A secret value and what to call it. */
    private record Named(String value, String name) {}

    private final List<Finder> finders;

    private SecretRedactor(List<Named> secrets) {
        Map<String, Named> byValue = new LinkedHashMap<>();
        secrets.forEach(secret -> byValue.putIfAbsent(secret.value(), secret));
        List<Named> longestFirst = new ArrayList<>(byValue.values());
        longestFirst.sort(Comparator.comparingInt((Named secret) -> secret.value().length()).reversed());
        List<Finder> all = new ArrayList<>();
        for (Named secret : longestFirst) {
            // Split over lines only where the text has a line break: a one-line text must hold the value itself.
            all.add(new Finder(SecretForms.plainOrSplit(secret.value()), secret.name(), List.of(secret.value(), "\n")));
            all.add(new Finder(SecretForms.base64(secret.value()), secret.name() + ", base64-encoded",
                    SecretForms.base64Fragments(secret.value())));
            SecretForms.urlEncoded(secret.value()).ifPresent(pattern -> all.add(new Finder(pattern,
                    secret.name() + ", URL-encoded", List.of(secret.value(), "%", "+"))));
        }
        all.addAll(KEY_SHAPES);
        this.finders = List.copyOf(all);
    }

    /** Redacts the values of every variable of {@code env} that is not known to be harmless, and the key patterns. */
    public static SecretRedactor fromEnvironment(Map<String, String> env) {
        List<Named> secrets = new ArrayList<>();
        EnvironmentPolicy.secrets(env).forEach(secret -> secrets.add(new Named(secret.value(), secret.description())));
        return new SecretRedactor(secrets);
    }

    /** Redacts these values (nulls and short values ignored), and the key patterns. */
    public static SecretRedactor withValues(String... values) {
        List<Named> secrets = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.length() >= EnvironmentPolicy.MIN_SECRET_LENGTH) {
                secrets.add(new Named(value, "a secret value"));
            }
        }
        return new SecretRedactor(secrets);
    }

    /** The text with every secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Finder finder : finders) {
            if (finder.mayMatch(result)) {
                result = finder.pattern().matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
            }
        }
        return result;
    }

    /**
     * What the first secret found in {@code text} is, without its value ({@code the value of GITHUB_TOKEN,
     * base64-encoded}, {@code an AWS access key id}); empty when there is none.
     */
    public Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return finders.stream().filter(finder -> finder.mayMatch(text) && finder.pattern().matcher(text).find())
                .map(Finder::description).findFirst();
    }
}
