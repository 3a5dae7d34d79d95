package dev.orchestra.engine.policy;

import dev.orchestra.engine.policy.Refusal.Rule;
import java.util.Locale;
import java.util.Optional;

/** Paths that would leave the repository or reach into git's own folder, whatever any glob says. */
final class PathSafety {
    private PathSafety() {}

    /** The refusal for {@code path} when it is absolute, has empty or {@code ..} segments, or goes under .git. */
    static Optional<Refusal> check(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of(new Refusal(path, Rule.ESCAPES_REPOSITORY, "absolute path (patches stay inside"
                    + " the repository)"));
        }
        for (String segment : path.split("[/\\\\]", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of(new Refusal(path, Rule.ESCAPES_REPOSITORY, "'" + segment
                        + "' in the path (patches stay inside the repository)"));
            }
            if (isGitFolder(segment)) {
                return Optional.of(new Refusal(path, Rule.GIT_DIRECTORY, "inside .git (git's own folder:"
                        + " hooks and configuration there run code)"));
            }
        }
        return Optional.empty();
    }

    /** {@code .git} as Windows and macOS also read it: any case, trailing dots or spaces, the 8.3 name. */
    private static boolean isGitFolder(String segment) {
        String name = segment.toLowerCase(Locale.ROOT).replaceAll("[. ]+$", "");
        return name.equals(".git") || name.equals("git~1");
    }
}
