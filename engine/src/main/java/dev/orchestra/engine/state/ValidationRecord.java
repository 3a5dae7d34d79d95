package dev.orchestra.engine.state;

import dev.orchestra.engine.validate.BuildFailure;
import dev.orchestra.engine.validate.TestComparison;
import dev.orchestra.engine.validate.TestRun;

/**
 * One validation: the command (or "external" for a hook run outside the engine), its tests, and
 * where its JUnit XML copies are (run-folder-relative), plus the comparison with the baseline.
 */
public final class ValidationRecord {
    public String kind;
    public String command;
    public String commit;
    public TestRun tests;
    public String reportsDir;
    public String log;
    public TestComparison comparison;
    /** Why the build failed (compiler errors, the failing plugin's summary); null when it did not, or nobody knows. */
    public BuildFailure build;

    public ValidationRecord() {}

    public ValidationRecord(String kind, String command, String commit) {
        this.kind = kind;
        this.command = command;
        this.commit = commit;
    }
}
