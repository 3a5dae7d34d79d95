package dev.orchestra.engine.bundle;

import dev.orchestra.engine.agent.Note;
import dev.orchestra.engine.bundle.BundleManifest.StepEntry;
import dev.orchestra.engine.metrics.RunMetrics;
import dev.orchestra.engine.output.ShortList;
import dev.orchestra.engine.metrics.RunMetrics.TestCounts;
import dev.orchestra.engine.sandbox.SandboxUse;
import dev.orchestra.engine.validate.TestComparison;
import java.util.ArrayList;
import java.util.List;

/** The risks a reviewer should look at, and the planned work that did not happen. */
final class RiskList {
    /** A patch above either size deserves a closer look. */
    static final int LARGE_PATCH_LINES = 500;
    static final int LARGE_PATCH_FILES = 25;
    /** Test ids named in one risk line; the full lists are in the test section. */
    static final int NAMES_SHOWN = 10;

    private RiskList() {}

    static List<String> of(BundleManifest m, RunMetrics metrics) {
        List<String> risks = new ArrayList<>();
        TestComparison c = m.tests().comparison();
        if (c != null && !c.newlyFailing().isEmpty()) {
            risks.add(c.newlyFailing().size() + " test(s) fail now that passed before: " + ShortList.of(c.newlyFailing(), NAMES_SHOWN));
        }
        if (c != null && !c.stillFailing().isEmpty()) {
            risks.add(c.stillFailing().size() + " test(s) failed before and still fail: " + ShortList.of(c.stillFailing(), NAMES_SHOWN));
        }
        if (c != null && !c.notRun().isEmpty()) {
            risks.add(c.notRun().size() + " test(s) ran before and did not run now: " + ShortList.of(c.notRun(), NAMES_SHOWN));
        }
        TestCounts after = m.tests().after();
        boolean buildExplained = m.leftovers() != null && m.leftovers().stream().anyMatch(l -> "build".equals(l.kind()));
        if (after != null && after.timedOutAfterSeconds() != null) {
            risks.add("the validation timed out after " + after.timedOutAfterSeconds() + " s: its results are incomplete");
        } else if (after != null && after.exitCode() != 0 && after.failed() + after.errors() == 0 && !buildExplained) {
            risks.add("the validation exited with " + after.exitCode() + " although no test failed (build or setup error?)");
        }
        boolean compileErrorsSettled = compileErrorsSettled(m);
        for (StepEntry step : m.steps()) {
            for (Note note : step.notes()) {
                if (compileErrorsSettled && "error".equals(note.severity()) && "javac".equals(note.source())) {
                    continue;
                }
                if ("error".equals(note.severity()) || "warning".equals(note.severity())) {
                    risks.add(note.severity() + " from " + step.id() + ": " + SummaryWriter.where(note) + note.message());
                }
            }
        }
        sandboxRisk(m).ifPresent(risks::add);
        RunMetrics.PatchSize size = metrics.patch();
        if (size.insertions() + size.deletions() > LARGE_PATCH_LINES || size.files() > LARGE_PATCH_FILES) {
            risks.add("large patch: " + size.files() + " files, +" + size.insertions() + " −" + size.deletions());
        }
        return risks;
    }

    /**
     * True when the compile errors in notes need no risk of their own: the leftovers list them, or the run is done and
     * its final validation compiled the code after they were found.
     */
    private static boolean compileErrorsSettled(BundleManifest m) {
        boolean listed = m.leftovers() != null && m.leftovers().stream().anyMatch(l -> "compile-error".equals(l.kind()));
        return listed || ("DONE".equals(m.status()) && m.tests().after() != null);
    }

    /** Command steps that ran without the sandbox the run asked for (auto) could write anywhere the user can. */
    private static java.util.Optional<String> sandboxRisk(BundleManifest m) {
        SandboxUse sandbox = m.sandbox();
        boolean commands = m.steps().stream().anyMatch(s -> "command".equals(s.agent()));
        if (sandbox == null || sandbox.inEffect() || "off".equals(sandbox.mode()) || !commands) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("command steps ran without a sandbox (--sandbox auto found none usable: "
                + sandbox.unavailable() + "); they could write outside their copy and reach the network");
    }

    static List<String> notDone(BundleManifest m) {
        List<String> items = new ArrayList<>();
        for (StepEntry step : m.steps()) {
            switch (step.status()) {
                case "LANDED" -> { }
                case "NO_CHANGE" -> items.add("step " + step.id() + " (" + step.agent() + ") changed nothing"
                        + suffix(step.summary()));
                case "FAILED" -> items.add("step " + step.id() + " (" + step.agent() + ") failed" + suffix(step.summary()));
                default -> items.add("step " + step.id() + " (" + step.agent() + ") did not land (" + step.status() + ")"
                        + suffix(step.summary()));
            }
        }
        if (m.tests().before() == null) {
            items.add("no baseline test run before the changes");
        }
        if (m.tests().after() == null) {
            items.add("no validation after the changes");
        }
        if (!"DONE".equals(m.status())) {
            items.add("the run stopped with status " + m.status() + suffix(m.failure()));
        }
        return items;
    }

    private static String suffix(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
