package dev.orchestra.engine.policy;

/**
 * Why a patch may not land: the path it concerns, the rule it broke and a one-line reason a user can act on.
 * {@link #toString()} is the line to show: {@code Jenkinsfile: protected path (allow it with --allow-protected ...)}.
 */
public record Refusal(String path, Rule rule, String reason) {

    /** The rules a patch can break. */
    public enum Rule {
        OUTSIDE_SCOPE("outside-scope"),
        PROTECTED_PATH("protected-path"),
        ESCAPES_REPOSITORY("escapes-repository"),
        GIT_DIRECTORY("git-directory"),
        SYMLINK("symlink"),
        SUBMODULE("submodule"),
        BINARY("binary"),
        TOO_LARGE("too-large"),
        SECRET("secret");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        /** The rule's name in bundle.json and in messages. */
        public String id() {
            return id;
        }
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
