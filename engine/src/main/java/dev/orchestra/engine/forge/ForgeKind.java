package dev.orchestra.engine.forge;

import dev.orchestra.engine.BadInputException;
import java.util.Locale;

/**
 * The forges Orchestra opens pull requests on, with what differs between them: the name users know, the environment
 * variable the token is read from by default, the user name a token pushes as, and the longest description the forge
 * keeps.
 */
public enum ForgeKind {
    GITHUB("GitHub", "GITHUB_TOKEN", "x-access-token", 65_536),
    GITLAB("GitLab", "GITLAB_TOKEN", "oauth2", 1_048_576),
    BITBUCKET_CLOUD("Bitbucket Cloud", "BITBUCKET_TOKEN", "x-token-auth", 32_768),
    BITBUCKET_DATA_CENTER("Bitbucket Data Center", "BITBUCKET_TOKEN", "x-token-auth", 32_768),
    GITEA("Gitea", "GITEA_TOKEN", "oauth2", 65_535);

    private final String label;
    private final String tokenEnv;
    private final String pushUser;
    private final int bodyLimit;

    ForgeKind(String label, String tokenEnv, String pushUser, int bodyLimit) {
        this.label = label;
        this.tokenEnv = tokenEnv;
        this.pushUser = pushUser;
        this.bodyLimit = bodyLimit;
    }

    public String label() {
        return label;
    }

    /** The environment variable the token is read from unless the user names another one. */
    public String tokenEnv() {
        return tokenEnv;
    }

    /** The user name that goes with a token when pushing over HTTPS. */
    public String pushUser() {
        return pushUser;
    }

    /** The longest pull-request description, in characters, Orchestra sends. */
    public int bodyLimit() {
        return bodyLimit;
    }

    /** The kind named on the command line: github, gitlab, bitbucket, bitbucket-dc, gitea or forgejo. */
    public static ForgeKind parse(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "github" -> GITHUB;
            case "gitlab" -> GITLAB;
            case "bitbucket", "bitbucket-cloud" -> BITBUCKET_CLOUD;
            case "bitbucket-dc", "bitbucket-data-center", "bitbucket-server" -> BITBUCKET_DATA_CENTER;
            case "gitea", "forgejo" -> GITEA;
            default -> throw new BadInputException("--forge " + name
                    + ": use github, gitlab, bitbucket, bitbucket-dc, gitea or forgejo");
        };
    }

    /** The kind a clone URL's host says, or null when the host is none of the public forges'. */
    static ForgeKind guess(String host, String path) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.equals("github.com")) {
            return GITHUB;
        }
        if (h.equals("gitlab.com")) {
            return GITLAB;
        }
        if (h.equals("bitbucket.org")) {
            return BITBUCKET_CLOUD;
        }
        if (path != null && path.contains("/scm/")) {
            return BITBUCKET_DATA_CENTER;
        }
        return null;
    }
}
