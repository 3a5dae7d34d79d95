package dev.orchestra.engine.forge;

import dev.orchestra.engine.BadInputException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Which repository on which forge: the forge's kind, its API's base URL, the repository's path on it
 * ({@code owner/repo}, GitLab's {@code group/sub/project}, Bitbucket Data Center's {@code PROJECT/repo}) and the
 * environment variable that holds the token (its name only; the value never leaves the process).
 */
public record ForgeTarget(ForgeKind kind, String apiBase, String repoPath, String tokenEnv) {

    /** The repository path's segments. */
    public List<String> segments() {
        return Arrays.asList(repoPath.split("/"));
    }

    /** The owner (workspace, group, project key): every segment but the last. */
    public String owner() {
        return repoPath.substring(0, repoPath.lastIndexOf('/'));
    }

    /** The repository's name (slug): the last segment. */
    public String name() {
        return repoPath.substring(repoPath.lastIndexOf('/') + 1);
    }

    String display() {
        return repoPath;
    }

    /**
     * The target a remote's URL names: {@code kind} (null: guessed from the host), {@code apiBase} (null: the forge's
     * public API for the host), {@code tokenEnv} (null: the kind's default).
     */
    public static ForgeTarget of(String remoteUrl, ForgeKind kind, String apiBase, String tokenEnv) {
        URI uri = parse(remoteUrl);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "").replaceAll("\\.git$", "");
        ForgeKind chosen = kind != null ? kind : ForgeKind.guess(uri.getHost(), "/" + path + "/");
        if (chosen == null) {
            throw new BadInputException("remote " + remoteUrl + ": cannot tell which forge serves " + uri.getHost()
                    + "; name it with --forge github|gitlab|bitbucket|bitbucket-dc|gitea|forgejo");
        }
        String context = "";
        if (chosen == ForgeKind.BITBUCKET_DATA_CENTER && path.contains("scm/")) {
            int at = path.indexOf("scm/");
            context = at == 0 ? "" : "/" + path.substring(0, at - 1);
            path = path.substring(at + 4);
        }
        if (!path.contains("/") || path.startsWith("/") || path.contains("//")) {
            throw new BadInputException("remote " + remoteUrl + ": its path " + path
                    + " names no repository (owner/name) on " + chosen.label());
        }
        String api = apiBase != null ? apiBase : publicApi(chosen, uri, context);
        return new ForgeTarget(chosen, api, path, tokenEnv != null ? tokenEnv : chosen.tokenEnv());
    }

    private static URI parse(String remoteUrl) {
        String url = remoteUrl;
        if (!url.contains("://") && url.matches("[^@/]+@[^:/]+:.+")) { // scp-like: git@host:owner/repo.git
            url = "ssh://" + url.replaceFirst(":", "/");
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("remote " + remoteUrl + ": not a URL of a repository on a forge");
        }
    }

    private static String publicApi(ForgeKind kind, URI uri, String context) {
        String web = (uri.getScheme().equals("http") ? "http" : "https") + "://" + uri.getHost()
                + (uri.getScheme().startsWith("http") && uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return switch (kind) {
            case GITHUB -> uri.getHost().equals("github.com") ? "https://api.github.com" : web + "/api/v3";
            case GITLAB -> web + "/api/v4";
            case BITBUCKET_CLOUD -> "https://api.bitbucket.org/2.0";
            case BITBUCKET_DATA_CENTER -> web + context + "/rest/api/1.0";
            case GITEA -> web + "/api/v1";
        };
    }
}
