package dev.orchestra.engine.campaign;

import dev.orchestra.engine.output.MarkdownText;
import java.util.Locale;

/** {@code ROLLUP.md}: the totals, then one table row per repository. Every value from a run is data, escaped. */
final class RollupMarkdown {
    private RollupMarkdown() {}

    static String render(Campaign c) {
        Campaign.Totals t = c.totals();
        StringBuilder md = new StringBuilder();
        md.append("# Campaign ").append(MarkdownText.inline(c.name())).append("\n\n");
        if (c.workflow() != null) {
            md.append("**Workflow:** ").append(MarkdownText.inline(c.workflow())).append("  \n");
        }
        md.append("**Repositories:** ").append(t.repos()).append(" (").append(t.finished()).append(" finished: ")
                .append(t.done()).append(" done, ").append(t.escalated()).append(" escalated, ").append(t.failed())
                .append(" failed, ").append(t.other()).append(" other)  \n");
        md.append("**Tests passing:** ").append(t.testsPassedBefore()).append(" before, ").append(t.testsPassedAfter())
                .append(" after; failing ").append(t.testsFailedBefore()).append(" before, ").append(t.testsFailedAfter())
                .append(" after  \n");
        md.append("**Patch:** ").append(t.files()).append(" files, +").append(t.insertions()).append(" -")
                .append(t.deletions()).append("  \n");
        md.append("**Time:** ").append(RollupHtml.duration(t.durationMillis())).append(" · **Cost:** ")
                .append(String.format(Locale.ROOT, "$%.2f", t.cost())).append(" (").append(t.tokens()).append(" tokens)")
                .append(" · **Pull requests:** ").append(t.pullRequests()).append("\n\n");
        md.append("| Repository | Outcome | Exit | Tests before | Tests after | Patch | Time | Cost | Pull request | Rework |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (RollupRow r : c.repos()) {
            md.append("| ").append(cell(r.name())).append(" | ").append(cell(RollupHtml.outcome(r))).append(" | ")
                    .append(r.exitCode() == null ? "" : r.exitCode()).append(" | ").append(tests(r.testsBefore()))
                    .append(" | ").append(tests(r.testsAfter())).append(" | ").append(r.files()).append(" files +")
                    .append(r.insertions()).append(" -").append(r.deletions()).append(" | ")
                    .append(RollupHtml.duration(r.durationMillis())).append(" | ")
                    .append(String.format(Locale.ROOT, "$%.2f", r.cost())).append(" | ")
                    .append(r.pullRequest() == null ? "" : cell(r.pullRequest()) + (r.draft() ? " (draft)" : ""))
                    .append(" | ").append(r.rework() == null ? "" : cell(r.rework())).append(" |\n");
        }
        for (RollupRow r : c.repos()) {
            if (r.failure() != null) {
                md.append("\n- **").append(cell(r.name())).append(":** ").append(MarkdownText.inline(r.failure()));
            }
        }
        return md.append('\n').toString();
    }

    private static String tests(RollupRow.Counts counts) {
        return counts == null ? "not run" : counts.passed() + " passed, " + counts.failed() + " failed";
    }

    private static String cell(String text) {
        return MarkdownText.inline(text).replace("|", "\\|");
    }
}
