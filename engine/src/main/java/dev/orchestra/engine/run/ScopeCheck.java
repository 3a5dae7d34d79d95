package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Step;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Whether a step's changed files stay inside the globs its plan step declares (empty: anywhere). */
final class ScopeCheck {
    private final List<PathMatcher> matchers;

    ScopeCheck(Step step) {
        this.matchers = step.scope().stream().flatMap(glob -> matchersFor(glob).stream()).toList();
    }

    /** The first changed file outside the scope, if any. */
    Optional<String> firstOutside(Collection<String> files) {
        if (matchers.isEmpty()) {
            return Optional.empty();
        }
        return files.stream().filter(file -> matchers.stream().noneMatch(m -> m.matches(Path.of(file)))).findFirst();
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
