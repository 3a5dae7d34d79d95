package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.forge.ForgeKind;
import dev.orchestra.engine.publish.PublishRequest;
import java.net.URI;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Option;

/** The flags that take a run's branch out of the workspace after the pr gate: push, then a pull request. */
final class PublishOptions {
    @Option(names = "--push", paramLabel = "REMOTE", description = "After the pr gate, push the run branch to this remote (never forced).")
    String push;

    @Option(names = "--pull-request", description = "After the push, open (or update) a pull request; a draft when the run escalated.")
    boolean pullRequest;

    @Option(names = "--forge", paramLabel = "KIND", description = "github, gitlab, bitbucket, bitbucket-dc, gitea or forgejo (default: told from the remote's host).")
    String forge;

    @Option(names = "--forge-url", paramLabel = "URL", description = "The forge API's base URL (default: the one the remote's host implies).")
    String forgeUrl;

    @Option(names = "--forge-repo", paramLabel = "PATH", description = "The repository's path on the forge, e.g. owner/name (default: the remote URL's path).")
    String forgeRepo;

    @Option(names = "--token-env", paramLabel = "NAME", description = "The environment variable holding the forge token (default: GITHUB_TOKEN, GITLAB_TOKEN, BITBUCKET_TOKEN or GITEA_TOKEN).")
    String tokenEnv;

    @Option(names = "--label", paramLabel = "LABEL", description = "A label for the pull request (repeatable).")
    List<String> labels;

    @Option(names = "--pr-base", paramLabel = "BRANCH", description = "The branch the pull request goes into (default: the branch the run started from).")
    String base;

    @Option(names = "--report-url", paramLabel = "URL", description = "Where the run's report.html can be read (e.g. the build's artifact), linked from the pull request.")
    String reportUrl;

    /** The request these flags make, checked; null when neither --push nor --pull-request was given. */
    PublishRequest request() {
        boolean other = forge != null || forgeUrl != null || forgeRepo != null || tokenEnv != null
                || (labels != null && !labels.isEmpty()) || base != null || reportUrl != null;
        if (push == null && !pullRequest) {
            if (other) {
                throw new BadInputException("the pull-request flags go with --push REMOTE [--pull-request]");
            }
            return null;
        }
        if (push == null) {
            throw new BadInputException("--pull-request needs --push REMOTE: the branch must be on the forge first");
        }
        if (push.isBlank() || push.startsWith("-") || !Repository.isValidRefName("refs/remotes/" + push + "/x")) {
            throw new BadInputException("--push " + push + ": not a remote's name");
        }
        if (forge != null) {
            ForgeKind.parse(forge);
        }
        checkUrl("--forge-url", forgeUrl);
        checkUrl("--report-url", reportUrl);
        if (forgeRepo != null && !forgeRepo.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)+")) {
            throw new BadInputException("--forge-repo " + forgeRepo + ": use owner/name (GitLab: group/sub/name)");
        }
        if (tokenEnv != null && !tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new BadInputException("--token-env: give the name of an environment variable (letters, digits, '_'),"
                    + " not a token; the value given is not shown");
        }
        List<String> given = labels == null ? List.of() : labels;
        for (String label : given) {
            if (label.isBlank() || label.contains(",") || label.length() > 50) {
                throw new BadInputException("--label '" + label + "': 1-50 characters without a comma");
            }
        }
        if (base != null && !Repository.isValidRefName("refs/heads/" + base)) {
            throw new BadInputException("--pr-base " + base + ": not a branch name");
        }
        return new PublishRequest(push, pullRequest, forge, forgeUrl, forgeRepo, tokenEnv, given, base, reportUrl);
    }

    private static void checkUrl(String flag, String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(flag + " " + url + ": an http(s) URL without a user or password");
        }
    }
}
