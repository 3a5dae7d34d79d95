package dev.orchestra.engine.forge;

import dev.orchestra.engine.BadInputException;
import java.util.Map;

/** The {@link Forge} for a target, with its token read from the environment variable the target names. */
public final class Forges {
    private Forges() {}

    public static Forge of(ForgeTarget target, Map<String, String> env) {
        String token = env.get(target.tokenEnv());
        if (token == null || token.isBlank()) {
            throw new BadInputException("$" + target.tokenEnv() + " is not set: " + target.kind().label()
                    + " needs a token to open a pull request (name another variable with --token-env)");
        }
        return switch (target.kind()) {
            case GITHUB -> new GitHubForge(target, token);
            case GITLAB -> new GitLabForge(target, token);
            case BITBUCKET_CLOUD -> new BitbucketCloudForge(target, token);
            case BITBUCKET_DATA_CENTER -> new BitbucketDataCenterForge(target, token);
            case GITEA -> new GiteaForge(target, token);
        };
    }
}
