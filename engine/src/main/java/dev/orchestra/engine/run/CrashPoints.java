package dev.orchestra.engine.run;

/**
 * Named points where a fault-injection run may die as if killed (-9). Set the environment variable
 * {@code ORCHESTRA_CRASH_AT} to a point's name and the process halts there with exit code 137; the
 * resilience tests use it to prove that every phase resumes after a kill.
 */
public final class CrashPoints {
    private static final String TARGET = System.getenv("ORCHESTRA_CRASH_AT");

    private CrashPoints() {}

    public static void reach(String point) {
        if (point.equals(TARGET)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
