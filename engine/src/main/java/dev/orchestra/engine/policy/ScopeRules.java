package dev.orchestra.engine.policy;

import dev.orchestra.engine.policy.Refusal.Rule;
import java.util.ArrayList;
import java.util.List;

/** The glob rules of a {@link Policy}: the run's and the step's scopes, and the protected paths not allowed. */
final class ScopeRules {
    private final Policy policy;
    private final List<PathGlob> writeScope;
    private final List<PathGlob> stepScope;
    private final List<PathGlob> protectedPaths;
    private final List<PathGlob> allowed;

    ScopeRules(Policy policy) {
        this.policy = policy;
        this.writeScope = globs(policy.writeScope(), "--write-scope");
        this.stepScope = globs(policy.stepScope(), "the step's scope");
        this.protectedPaths = globs(policy.protectedPaths(), "protected paths");
        this.allowed = globs(policy.allowProtected(), "--allow-protected");
    }

    List<Refusal> check(String path) {
        List<Refusal> refusals = new ArrayList<>();
        if (anyMatch(protectedPaths, path) && !anyMatch(allowed, path)) {
            refusals.add(new Refusal(path, Rule.PROTECTED_PATH, "protected path (allow it with --allow-protected "
                    + path + ")"));
        }
        if (!writeScope.isEmpty() && !anyMatch(writeScope, path)) {
            refusals.add(new Refusal(path, Rule.OUTSIDE_SCOPE, "outside the run's write scope ("
                    + String.join(", ", policy.writeScope()) + ")"));
        }
        if (!stepScope.isEmpty() && !anyMatch(stepScope, path)) {
            refusals.add(new Refusal(path, Rule.OUTSIDE_SCOPE, "outside the step's scope ("
                    + String.join(", ", policy.stepScope()) + ")"));
        }
        return refusals;
    }

    private static boolean anyMatch(List<PathGlob> globs, String path) {
        return globs.stream().anyMatch(glob -> glob.matches(path));
    }

    private static List<PathGlob> globs(List<String> globs, String origin) {
        return globs.stream().map(glob -> PathGlob.of(glob, origin)).toList();
    }
}
