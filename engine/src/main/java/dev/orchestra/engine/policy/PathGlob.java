package dev.orchestra.engine.policy;

import dev.orchestra.engine.BadInputException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path glob as in {@code .gitignore}: {@code *} and {@code ?} stay inside one folder, {@code **} crosses folders,
 * {@code [abc]} and {@code {a,b}} choose; a glob without a slash matches a name at any depth, a leading slash anchors
 * it at the top; a glob that matches a folder matches everything under it.
 */
public final class PathGlob {
    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /** The glob; {@code origin} names where it came from ({@code --write-scope}) in the error when it is malformed. */
    public static PathGlob of(String glob, String origin) {
        if (glob == null || glob.isBlank() || glob.equals("/")) {
            throw new BadInputException(origin + ": an empty path glob");
        }
        String body = glob.strip();
        boolean anyDepth = body.indexOf('/') < 0 || body.indexOf('/') == body.length() - 1;
        body = body.startsWith("/") ? body.substring(1) : body;
        body = body.endsWith("/") ? body.substring(0, body.length() - 1) : body;
        String regex = (anyDepth ? "(?:.*/)?" : "") + translate(body, glob, origin) + "(?:/.*)?";
        try {
            return new PathGlob(glob, Pattern.compile(regex, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw malformed(origin, glob, e.getDescription().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** True when {@code path} (slash-separated, relative to the repository's top) or a folder above it matches. */
    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String translate(String body, String glob, String origin) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            switch (c) {
                case '*' -> {
                    boolean twin = i + 1 < body.length() && body.charAt(i + 1) == '*';
                    boolean slash = twin && i + 2 < body.length() && body.charAt(i + 2) == '/';
                    regex.append(slash ? "(?:.*/)?" : twin ? ".*" : "[^/]*");
                    i += slash ? 2 : twin ? 1 : 0;
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = characterClass(body, i, regex, glob, origin);
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (--braces < 0) {
                        throw malformed(origin, glob, "a } without its {");
                    }
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (++i == body.length()) {
                        throw malformed(origin, glob, "ends with a lone \\");
                    }
                    regex.append(Pattern.quote(String.valueOf(body.charAt(i))));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw malformed(origin, glob, "a { without its }");
        }
        return regex.toString();
    }

    private static int characterClass(String body, int start, StringBuilder regex, String glob, String origin) {
        int end = body.indexOf(']', start + 2);
        if (end < 0) {
            throw malformed(origin, glob, "a [ without its ]");
        }
        String members = body.substring(start + 1, end);
        boolean negated = members.startsWith("!") || members.startsWith("^");
        members = negated ? members.substring(1) : members;
        regex.append('[').append(negated ? "^/" : "").append(members.replace("\\", "\\\\").replace("[", "\\["))
                .append(']');
        return end;
    }

    private static BadInputException malformed(String origin, String glob, String problem) {
        return new BadInputException(origin + " '" + glob + "': " + problem);
    }
}
