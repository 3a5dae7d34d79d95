package dev.orchestra.jenkins.form;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the configuration forms say about a value as it is typed (the {@code doCheck*} methods): null when the value
 * is fine, else one line naming what is wrong. The command line checks the same values again when a run starts.
 */
public final class FormChecks {
    private static final List<String> PROVIDERS = List.of("openai", "anthropic", "ollama", "openai-compatible");
    private static final Pattern PRICE = Pattern.compile(
            "\\s*[^:#\\s][^:#]*:\\s*\\{\\s*input:\\s*\\d+(\\.\\d+)?\\s*,\\s*output:\\s*\\d+(\\.\\d+)?\\s*}\\s*(#.*)?");

    private FormChecks() {}

    /** {@code PROVIDER:MODEL}, blank allowed (the default applies). */
    public static String model(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return "Write PROVIDER:MODEL, e.g. openai:gpt-4o";
        }
        String provider = value.substring(0, colon).trim();
        return PROVIDERS.contains(provider) ? null
                : "Unknown provider '" + provider + "': use " + String.join(", ", PROVIDERS);
    }

    /** One {@code MODEL: {input: N, output: N}} per line (US dollars per million tokens); blank lines and comments allowed. */
    public static String prices(String value) {
        if (value == null) {
            return null;
        }
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#") && !PRICE.matcher(line).matches()) {
                return "Line " + (i + 1) + ": write MODEL: {input: N, output: N}, in US dollars per million tokens";
            }
        }
        return null;
    }

    /** A number field: blank (the default applies) or a whole number of at least {@code min}. */
    public static String wholeNumber(String value, int min) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim()) >= min ? null : "At least " + min;
        } catch (NumberFormatException e) {
            return "A whole number, or blank for none";
        }
    }
}
