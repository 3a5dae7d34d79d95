package dev.orchestra.engine.publish;

import dev.orchestra.engine.BadInputException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Pushes one commit to one branch of a remote with JGit, never forced: over {@code file://} or a path as it is, over
 * HTTP(S) with the token from the environment as the password (the token is never in a URL, an argument or a log).
 */
final class BranchPush {
    private final Repository repo;
    private final Map<String, String> env;

    BranchPush(Repository repo, Map<String, String> env) {
        this.repo = repo;
        this.env = env;
    }

    /** The URL the remote named {@code remote} pushes to. */
    String url(String remote) {
        try {
            RemoteConfig config = new RemoteConfig(repo.getConfig(), remote);
            List<URIish> urls = config.getPushURIs().isEmpty() ? config.getURIs() : config.getPushURIs();
            if (urls.isEmpty()) {
                throw new BadInputException("--push " + remote + ": the repository has no such remote (git remote -v lists them)");
            }
            return urls.get(0).toString();
        } catch (URISyntaxException e) {
            throw new BadInputException("--push " + remote + ": its URL is not one git can use: " + e.getMessage());
        }
    }

    /** Pushes {@code commit} to {@code refs/heads/<branch>} of {@code remote}; {@code user} goes with the token. */
    void push(String remote, String commit, String branch, String tokenEnv, String user) {
        String url = url(remote);
        if (url.startsWith("ssh://") || url.matches("[^@/]+@[^:/]+:.+")) {
            throw new BadInputException("--push " + remote + ": " + url + " is an SSH URL; Orchestra pushes over HTTPS"
                    + " (with the token in $" + tokenEnv + ") or to a path or file:// URL");
        }
        try (Git git = new Git(repo)) {
            var command = git.push().setRemote(remote).setRefSpecs(new RefSpec(commit + ":refs/heads/" + branch))
                    .setForce(false).setAtomic(false);
            String token = env.get(tokenEnv);
            if (url.startsWith("http") && token != null && !token.isBlank()) {
                command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(user, token));
            }
            for (PushResult result : command.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    check(remote, branch, update);
                }
            }
        } catch (TransportException e) {
            throw new BadInputException("pushing " + branch + " to " + remote + " failed: " + oneLine(e.getMessage(), token(tokenEnv))
                    + (url.startsWith("http") && token(tokenEnv) == null ? " (no token in $" + tokenEnv + ")" : ""));
        } catch (GitAPIException e) {
            throw new IllegalStateException("pushing " + branch + " to " + remote + " failed: "
                    + oneLine(e.getMessage(), token(tokenEnv)), e);
        }
    }

    private String token(String tokenEnv) {
        String token = env.get(tokenEnv);
        return token == null || token.isBlank() ? null : token;
    }

    private static void check(String remote, String branch, RemoteRefUpdate update) {
        switch (update.getStatus()) {
            case OK, UP_TO_DATE -> { }
            case REJECTED_NONFASTFORWARD -> throw new BadInputException("pushing " + branch + " to " + remote
                    + " was refused: the remote branch has commits the run does not have, and Orchestra never force-pushes;"
                    + " delete or rename that branch on the remote, then publish again");
            default -> throw new BadInputException("pushing " + branch + " to " + remote + " was refused ("
                    + update.getStatus().name().toLowerCase() + (update.getMessage() == null ? "" : ": "
                    + update.getMessage()) + "), e.g. by branch protection or a hook on the remote");
        }
    }

    private static String oneLine(String message, String token) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return token == null ? text : text.replace(token, "[REDACTED]");
    }
}
