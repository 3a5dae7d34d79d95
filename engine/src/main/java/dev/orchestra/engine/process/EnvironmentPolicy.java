package dev.orchestra.engine.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows the environment. A short allowlist names the variables known to be harmless (where
 * things are, the locale, the CI build's coordinates); every other variable is treated as a secret: agents are not
 * given it unless their step names it, and its value is redacted from everything Orchestra writes. A harmless name
 * whose value carries a password in a URL ({@code https://user:password@host}) is a secret too.
 */
public final class EnvironmentPolicy {
    /** Shorter values are too common to redact: {@code true}, {@code 1}, {@code C.UTF-8}. */
    public static final int MIN_SECRET_LENGTH = 8;

    private static final Set<String> HARMLESS = Set.of(
            // the machine and the shell
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD", "HOSTNAME", "SHLVL", "TERM", "COLUMNS",
            "LINES", "NO_COLOR", "EDITOR", "VISUAL", "PAGER", "TMPDIR", "TMP", "TEMP", "TZ", "LANG", "LANGUAGE",
            "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
            // where the build tools are (their *_OPTS are not here: they can hold -Dpassword=...)
            "JAVA_HOME", "JDK_HOME", "MAVEN_HOME", "M2_HOME", "MAVEN_PROJECTBASEDIR", "GRADLE_HOME",
            "GRADLE_USER_HOME", "ANT_HOME", "GOPATH", "GOROOT", "CARGO_HOME", "RUSTUP_HOME", "NVM_DIR",
            "VIRTUAL_ENV", "PYENV_ROOT",
            // certificates and proxies (a proxy URL with a password is a secret, see below)
            "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS",
            "GIT_SSL_CAINFO", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
            // the CI build: Jenkins, GitHub Actions, GitLab CI
            "CI", "BUILD_NUMBER", "BUILD_ID", "BUILD_URL", "BUILD_TAG", "BUILD_DISPLAY_NAME", "JOB_NAME",
            "JOB_BASE_NAME", "JOB_URL", "JENKINS_URL", "JENKINS_HOME", "RUN_DISPLAY_URL", "WORKSPACE", "WORKSPACE_TMP",
            "NODE_NAME", "NODE_LABELS", "EXECUTOR_NUMBER", "BRANCH_NAME", "TAG_NAME", "CHANGE_ID", "CHANGE_URL",
            "CHANGE_TARGET", "CHANGE_BRANCH", "GIT_COMMIT", "GIT_PREVIOUS_COMMIT", "GIT_PREVIOUS_SUCCESSFUL_COMMIT",
            "GIT_BRANCH", "GIT_LOCAL_BRANCH", "GIT_URL", "GITHUB_ACTIONS", "GITHUB_SHA", "GITHUB_REF",
            "GITHUB_REF_NAME", "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_WORKSPACE",
            "GITHUB_SERVER_URL", "RUNNER_OS", "RUNNER_TEMP", "GITLAB_CI", "CI_COMMIT_SHA", "CI_COMMIT_REF_NAME",
            "CI_COMMIT_BEFORE_SHA", "CI_COMMIT_SHORT_SHA", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "CI_PIPELINE_ID", "CI_JOB_ID",
            "CI_PROJECT_DIR", "CI_PROJECT_PATH", "CI_SERVER_URL");
    private static final List<String> HARMLESS_PREFIXES = List.of("LC_");
    /** {@code scheme://user:password@}: the password is group 1. */
    private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:([^\\s@/]+)@");

    /** One secret value, and what to call it without showing it. */
    public record Secret(String value, String description) {}

    private EnvironmentPolicy() {}

    /** True when {@code name} is on the allowlist and {@code value} holds no password. */
    public static boolean harmless(String name, String value) {
        boolean listed = HARMLESS.contains(name) || HARMLESS_PREFIXES.stream().anyMatch(name::startsWith);
        return listed && (value == null || !URL_PASSWORD.matcher(value).find());
    }

    /**
     * The values of {@code env} to redact: every value (of {@link #MIN_SECRET_LENGTH} or more) of a variable that is
     * not harmless, and every password in a URL. A value naming an existing file or folder is a place, not a secret,
     * and is left alone so that the paths Orchestra prints stay readable.
     */
    public static List<Secret> secrets(Map<String, String> env) {
        List<Secret> secrets = new ArrayList<>();
        env.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (!harmless(name, value) && value.length() >= MIN_SECRET_LENGTH && !isExistingPath(value)) {
                secrets.add(new Secret(value, "the value of " + name));
            }
            Matcher password = URL_PASSWORD.matcher(value);
            while (password.find()) {
                if (password.group(1).length() >= MIN_SECRET_LENGTH) {
                    secrets.add(new Secret(password.group(1), "the password in " + name));
                }
            }
        });
        return secrets;
    }

    /**
     * Cuts a child process's environment down to what agents get: the harmless variables, and those of
     * {@code named} (the variables the step asked for and the operator passed).
     */
    public static void restrictForAgent(Map<String, String> environment, Collection<String> named) {
        environment.entrySet().removeIf(e -> !named.contains(e.getKey()) && !harmless(e.getKey(), e.getValue()));
    }

    private static boolean isExistingPath(String value) {
        try {
            Path path = Path.of(value);
            return path.isAbsolute() && Files.exists(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
