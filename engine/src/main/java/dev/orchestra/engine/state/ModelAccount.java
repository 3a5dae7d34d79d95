package dev.orchestra.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The orchestrator model's account of a run for SUMMARY.md: what changed and why, the risks, and
 * the files and tests it names, each checked against the repository and the final test run. A name
 * that does not exist is flagged, never silently trusted.
 */
public final class ModelAccount {
    public String changes = "";
    public List<String> risks = new ArrayList<>();
    public List<String> files = new ArrayList<>();
    public List<String> tests = new ArrayList<>();
    /** Claims that did not check out, e.g. "file src/Foo.java does not exist on the run branch". */
    public List<String> flagged = new ArrayList<>();
}
