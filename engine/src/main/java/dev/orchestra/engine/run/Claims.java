package dev.orchestra.engine.run;

import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.policy.PathGlob;

/**
 * The files a step claims (its scope) and whether two claims may overlap: steps whose claims overlap
 * never run at the same time. Unknown overlap counts as overlap: an empty scope claims everything,
 * and two globs are assumed to meet unless they are plain paths that differ.
 */
final class Claims {
    private Claims() {}

    static boolean overlap(Step a, Step b) {
        if (a.scope().isEmpty() || b.scope().isEmpty()) {
            return true;
        }
        for (String x : a.scope()) {
            for (String y : b.scope()) {
                if (meet(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean meet(String x, String y) {
        boolean xPlain = plain(x);
        boolean yPlain = plain(y);
        if (xPlain && yPlain) {
            return matches(x, y) || matches(y, x); // a name without a folder stands for that name at any depth
        }
        if (xPlain) {
            return matches(y, x);
        }
        if (yPlain) {
            return matches(x, y);
        }
        return true;
    }

    private static boolean plain(String glob) {
        return !glob.matches(".*[*?\\[{].*");
    }

    /** The same glob rules the policy checks a step's patch with, so a claim means what the scope means. */
    private static boolean matches(String glob, String path) {
        return PathGlob.of(glob, "the step's scope").matches(path);
    }
}
