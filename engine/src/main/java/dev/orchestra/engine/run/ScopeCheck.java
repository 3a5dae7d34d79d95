package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Step;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a step's changed files stay inside the globs its plan step declares (empty: anywhere) and
 * away from the protected paths: the pipeline that runs Orchestra and Orchestra's own folders.
 */
final class ScopeCheck {
    /** Paths no step may change. */
    static final List<String> PROTECTED = List.of("**/Jenkinsfile*", ".ci/**", ".github/**", ".gitlab-ci.yml",
            ".orchestra/**");

    private final List<String> scopeGlobs;
    private final List<PathMatcher> scope;
    private final List<PathMatcher> protectedPaths;

    ScopeCheck(Step step) {
        this.scopeGlobs = step.scope();
        this.scope = scopeGlobs.stream().flatMap(glob -> matchersFor(glob).stream()).toList();
        this.protectedPaths = PROTECTED.stream().flatMap(glob -> matchersFor(glob).stream()).toList();
    }

    /** Why the first offending file may not change, if any. */
    Optional<String> firstViolation(Collection<String> files) {
        for (String file : files) {
            Path path = Path.of(file);
            if (protectedPaths.stream().anyMatch(m -> m.matches(path))) {
                return Optional.of("changed the protected path " + file);
            }
            if (!scope.isEmpty() && scope.stream().noneMatch(m -> m.matches(path))) {
                return Optional.of("wrote outside its scope (" + String.join(", ", scopeGlobs) + "): " + file);
            }
        }
        return Optional.empty();
    }

    /** {@code **}{@code /x} also matches {@code x} at the top, as users of .gitignore expect. */
    private static List<PathMatcher> matchersFor(String glob) {
        PathMatcher exact = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (glob.startsWith("**/")) {
            return List.of(exact, FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
        }
        return List.of(exact);
    }
}
