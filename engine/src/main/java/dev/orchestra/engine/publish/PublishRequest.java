package dev.orchestra.engine.publish;

import java.util.List;

/**
 * What the user asked to do with a run's branch once the pr gate approved it.
 *
 * @param remote the remote (as configured in the repository) the run branch is pushed to
 * @param pullRequest true to open (or update) a pull request after the push
 * @param forge the forge's kind as named on the command line, or null to tell it from the remote's host
 * @param forgeUrl the forge API's base URL, or null for the one the remote's host implies
 * @param forgeRepo the repository's path on the forge, or null for the remote URL's path
 * @param tokenEnv the environment variable holding the token, or null for the forge's usual one
 * @param labels labels to put on the pull request
 * @param base the branch the pull request goes into, or null for the branch the run started from
 * @param reportUrl where the run's report can be read (the build's artifact), linked from the description, or null
 */
public record PublishRequest(String remote, boolean pullRequest, String forge, String forgeUrl, String forgeRepo,
                             String tokenEnv, List<String> labels, String base, String reportUrl) {
    public PublishRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
