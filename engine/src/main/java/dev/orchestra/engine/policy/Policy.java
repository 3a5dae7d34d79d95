package dev.orchestra.engine.policy;

import dev.orchestra.engine.BadInputException;
import java.util.List;

/**
 * What a run's patches may change: the run's write scope and the step's own scope (path globs; empty means
 * anywhere), the protected paths and those the run explicitly allows, and the largest file a patch may add.
 */
public record Policy(List<String> writeScope, List<String> protectedPaths, List<String> allowProtected,
                     long maxFileBytes, List<String> stepScope) {
    /** Paths no agent may change unless the run allows them: the pipelines that run Orchestra, and its own folder. */
    public static final List<String> DEFAULT_PROTECTED = List.of("Jenkinsfile*", ".ci/**", ".github/**",
            ".gitlab-ci.yml", ".orchestra/**");
    public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

    public Policy {
        writeScope = checked(writeScope, "--write-scope");
        protectedPaths = protectedPaths == null ? DEFAULT_PROTECTED : checked(protectedPaths, "protected paths");
        allowProtected = checked(allowProtected, "--allow-protected");
        stepScope = checked(stepScope, "the step's scope");
        if (maxFileBytes <= 0) {
            throw new BadInputException("the largest file size must be positive, not " + maxFileBytes);
        }
    }

    /** Anywhere, the default protected paths, none allowed, files up to 1 MiB. */
    public static Policy defaults() {
        return new Policy(List.of(), DEFAULT_PROTECTED, List.of(), DEFAULT_MAX_FILE_BYTES, List.of());
    }

    public Policy withWriteScope(List<String> globs) {
        return new Policy(globs, protectedPaths, allowProtected, maxFileBytes, stepScope);
    }

    public Policy withAllowProtected(List<String> globs) {
        return new Policy(writeScope, protectedPaths, globs, maxFileBytes, stepScope);
    }

    public Policy withMaxFileBytes(long bytes) {
        return new Policy(writeScope, protectedPaths, allowProtected, bytes, stepScope);
    }

    /** This policy for one step, whose plan limits it to {@code globs} (empty: the run's write scope). */
    public Policy withStepScope(List<String> globs) {
        return new Policy(writeScope, protectedPaths, allowProtected, maxFileBytes, globs);
    }

    private static List<String> checked(List<String> globs, String origin) {
        List<String> copy = globs == null ? List.of() : List.copyOf(globs);
        copy.forEach(glob -> PathGlob.of(glob, origin));
        return copy;
    }
}
