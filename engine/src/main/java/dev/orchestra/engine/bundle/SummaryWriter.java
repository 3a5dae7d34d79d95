package dev.orchestra.engine.bundle;

import dev.orchestra.engine.agent.Note;
import dev.orchestra.engine.bundle.BundleManifest.StepEntry;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.metrics.RunMetrics;
import dev.orchestra.engine.metrics.RunMetrics.TestCounts;
import dev.orchestra.engine.output.MarkdownText;
import dev.orchestra.engine.validate.TestComparison;
import java.util.List;

/**
 * Writes {@code SUMMARY.md}: what changed and why, what a human has to finish, tests, notes, gates, what was not
 * done, risks, metrics. Text from the ticket, the model, agents and the repository goes through {@link MarkdownText},
 * so it cannot add or hide a section.
 */
final class SummaryWriter {
    private final BundleManifest m;
    private final RunMetrics metrics;
    private final StringBuilder md = new StringBuilder();

    private SummaryWriter(BundleManifest manifest, RunMetrics metrics) {
        this.m = manifest;
        this.metrics = metrics;
    }

    static String render(BundleManifest manifest, RunMetrics metrics) {
        return new SummaryWriter(manifest, metrics).render();
    }

    private String render() {
        md.append("# Orchestra run ").append(m.runId()).append("\n\n");
        md.append("**Status:** ").append(m.status());
        if (m.failure() != null) {
            md.append(" (").append(MarkdownText.inline(m.failure())).append(')');
        }
        md.append("  \n**Workflow:** ").append(MarkdownText.inline(or(m.workflow())))
                .append("  \n**Branch:** ").append(or(m.runBranch())).append(" from ")
                .append(MarkdownText.inline(or(m.baseBranch()))).append(" at ").append(or(m.baseCommit())).append("\n\n");
        if (m.model() != null) {
            md.append("**Model:** ").append(MarkdownText.inline(m.model())).append(m.fixIterations() > 0
                    ? " (" + m.fixIterations() + " fix iteration(s))" : "").append("\n\n");
        }
        md.append("## Task\n\n").append(MarkdownText.block(or(m.task()).strip())).append("\n");
        if (m.planSummary() != null && !m.planSummary().isBlank()) {
            md.append("## Plan\n\n").append(MarkdownText.block(m.planSummary().strip())).append("\n");
        }
        changes();
        leftovers();
        account();
        tests();
        notes();
        refusals();
        gates();
        notDone();
        risks();
        metricsTable();
        return md.toString();
    }

    private static String or(String value) {
        return value == null ? "n/a" : value;
    }

    private void changes() {
        md.append("## What changed\n\n");
        List<StepEntry> landed = m.steps().stream().filter(s -> s.status().equals("LANDED")).toList();
        if (landed.isEmpty()) {
            md.append("Nothing landed on the branch.\n\n");
        }
        for (StepEntry step : landed) {
            md.append("- **").append(step.id()).append("** (").append(step.agent()).append("): ")
                    .append(MarkdownText.inline(step.summary())).append(" — +").append(step.insertions()).append(" −")
                    .append(step.deletions()).append('\n');
            step.files().forEach(f -> md.append("  - ").append(MarkdownText.code(f)).append("\n"));
        }
        md.append('\n');
    }

    /** What is still broken, as plain list items: where (file:line) and what, for the human who finishes the run. */
    private void leftovers() {
        if (m.leftovers() == null || m.leftovers().isEmpty()) {
            return;
        }
        md.append("## What a human has to finish\n\n");
        md.append(m.patches().isEmpty() ? "Nothing landed; this is what stands in the way:\n\n"
                : "The patches hold everything that landed; this is what is still broken on top of them:\n\n");
        m.leftovers().forEach(leftover -> md.append("- ").append(MarkdownText.inline(leftover.oneLine())).append('\n'));
        md.append('\n').append(m.model() == null
                ? "Fix these by hand on top of the patches, or run again with a model (`--model`): its fix loop starts from them.\n\n"
                : "The fix loop stopped before these were fixed (see the status above); fix them by hand on top of the patches.\n\n");
    }

    private void account() {
        if (m.account() == null) {
            return;
        }
        md.append("## The model's account\n\n").append(MarkdownText.block(m.account().changes.strip())).append("\n");
        if (!m.account().risks.isEmpty()) {
            md.append("Risks the model sees:\n\n");
            m.account().risks.forEach(r -> md.append("- ").append(MarkdownText.inline(r)).append('\n'));
            md.append('\n');
        }
        if (!m.account().flagged.isEmpty()) {
            md.append("**Claims that did not check out** (Orchestra checked every file and test the account names):\n\n");
            m.account().flagged.forEach(f -> md.append("- ⚠ ").append(MarkdownText.inline(f)).append('\n'));
            md.append('\n');
        }
    }

    private void tests() {
        md.append("## Tests\n\n");
        md.append("- Before: ").append(counts(m.tests().before())).append('\n');
        md.append("- After: ").append(counts(m.tests().after())).append('\n');
        TestComparison c = m.tests().comparison();
        if (c != null) {
            list("Newly failing", c.newlyFailing());
            list("Newly passing", c.newlyPassing());
            list("Still failing", c.stillFailing());
            list("Not run any more", c.notRun());
            list("Added", c.added());
            list("Ran under a new name", c.renamed() == null ? List.of() : c.renamed());
            md.append("- Still passing: ").append(c.stillPassing()).append('\n');
        }
        md.append('\n');
    }

    private void list(String title, List<String> ids) {
        if (!ids.isEmpty()) {
            md.append("- ").append(title).append(" (").append(ids.size()).append("):\n");
            ids.forEach(id -> md.append("  - ").append(MarkdownText.code(id)).append("\n"));
        }
    }

    static String counts(TestCounts counts) {
        if (counts == null) {
            return "not run";
        }
        return counts.total() + " tests: " + counts.passed() + " passed, " + counts.failed() + " failed, "
                + counts.errors() + " errors, " + counts.skipped() + " skipped (" + (counts.timedOutAfterSeconds() != null
                ? "timed out after " + counts.timedOutAfterSeconds() + " s" : "exit code " + counts.exitCode()) + ")";
    }

    private void notes() {
        md.append("## Notes\n\n");
        boolean any = false;
        for (StepEntry step : m.steps()) {
            for (Note note : step.notes()) {
                md.append("- ").append(note.severity()).append(" [").append(step.id()).append("] ")
                        .append(whereCode(note)).append(MarkdownText.inline(note.message())).append('\n');
                any = true;
            }
        }
        md.append(any ? "\n" : "None.\n\n");
    }

    /** {@code file:line } of a note, as plain text (empty without a file). */
    static String where(Note note) {
        return hasFile(note) ? note.file() + (note.line() > 0 ? ":" + note.line() : "") + " " : "";
    }

    private static String whereCode(Note note) {
        return hasFile(note) ? MarkdownText.code(where(note).strip()) + " " : "";
    }

    private static boolean hasFile(Note note) {
        return note.file() != null && !note.file().isEmpty();
    }

    private void refusals() {
        if (m.refusals() == null || m.refusals().isEmpty()) {
            return;
        }
        md.append("## Refused by policy\n\n");
        m.refusals().forEach(r -> md.append("- ").append(MarkdownText.inline(r)).append('\n'));
        md.append('\n');
    }

    private void gates() {
        md.append("## Gate decisions\n\n");
        for (GateDecision d : m.gates()) {
            md.append("- ").append(d.gate()).append(": ").append(d.approved() ? "approved" : "rejected")
                    .append(" by ").append(MarkdownText.inline(d.by())).append(" at ").append(d.at())
                    .append(d.automatic() ? " (automatic)" : "")
                    .append(d.edit() != null ? ", edited plan: " + MarkdownText.code(d.edit()) : "").append('\n');
        }
        md.append(m.gates().isEmpty() ? "None yet.\n\n" : "\n");
    }

    private void notDone() {
        md.append("## What was not done\n\n");
        List<String> items = RiskList.notDone(m);
        items.forEach(item -> md.append("- ").append(MarkdownText.inline(item)).append('\n'));
        md.append(items.isEmpty() ? "Everything planned was done.\n\n" : "\n");
    }

    private void risks() {
        md.append("## Risks\n\n");
        List<String> risks = RiskList.of(m, metrics);
        risks.forEach(risk -> md.append("- ").append(MarkdownText.inline(risk)).append('\n'));
        md.append(risks.isEmpty() ? "None found.\n\n" : "\n");
    }

    private void metricsTable() {
        md.append("## Metrics\n\n| Metric | Value |\n|---|---|\n");
        MetricRows.of(metrics).forEach(row -> md.append("| ").append(row.get(0)).append(" | ")
                .append(row.get(1)).append(" |\n"));
        md.append('\n');
    }
}
