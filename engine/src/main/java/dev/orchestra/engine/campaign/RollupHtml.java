package dev.orchestra.engine.campaign;

import java.util.Locale;

/**
 * {@code rollup.html}: the campaign at a glance. Pictures are inline SVG bars whose colours come from
 * {@code rollup.css} (class names only): no script, no style attribute, no inline style sheet, so Jenkins' artifact
 * Content-Security-Policy shows it as written. Every value from a run is escaped; links only to http(s) URLs.
 */
final class RollupHtml {
    private static final int BAR = 100;
    private static final int OUTCOME_BAR = 600;

    private RollupHtml() {}

    static String render(Campaign c) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Campaign ").append(esc(c.name()))
                .append("</title>\n<link rel=\"stylesheet\" href=\"rollup.css\"></head>\n<body>\n<h1>Campaign ")
                .append(esc(c.name())).append("</h1>\n<p class=\"sub\">").append(c.workflow() == null ? ""
                        : "Workflow " + esc(c.workflow()) + " · ").append("updated ").append(esc(c.updatedAt())).append("</p>\n");
        totals(h, c.totals());
        table(h, c);
        return h.append("</body></html>\n").toString();
    }

    private static void totals(StringBuilder h, Campaign.Totals t) {
        h.append("<section class=\"totals\">\n");
        card(h, String.valueOf(t.repos()), "repositories");
        card(h, t.done() + " / " + t.finished(), "done / finished");
        card(h, t.testsPassedBefore() + " → " + t.testsPassedAfter(), "tests passing");
        card(h, t.testsFailedBefore() + " → " + t.testsFailedAfter(), "tests failing");
        card(h, "+" + t.insertions() + " −" + t.deletions(), t.files() + " files changed");
        card(h, duration(t.durationMillis()), "working time");
        card(h, String.format(Locale.ROOT, "$%.2f", t.cost()), t.tokens() + " tokens");
        card(h, String.valueOf(t.pullRequests()), "pull requests");
        h.append("</section>\n");
        int pending = t.repos() - t.finished();
        String label = t.done() + " done, " + t.escalated() + " escalated, " + t.failed() + " failed, " + t.other()
                + " other, " + pending + " not finished";
        h.append("<svg class=\"outcomes\" viewBox=\"0 0 ").append(OUTCOME_BAR).append(" 20\" width=\"").append(OUTCOME_BAR)
                .append("\" height=\"20\" role=\"img\" aria-label=\"").append(label).append("\">");
        int x = 0;
        int[] counts = {t.done(), t.escalated(), t.failed(), t.other(), pending};
        String[] classes = {"done", "escalated", "failed", "other", "pending"};
        for (int i = 0; i < counts.length; i++) {
            int w = t.repos() == 0 ? 0 : Math.round((float) OUTCOME_BAR * counts[i] / t.repos());
            if (w > 0) {
                rect(h, classes[i], x, w, 20, counts[i] + " " + classes[i]);
                x += w;
            }
        }
        h.append("</svg>\n<p class=\"legend\">").append(label).append("</p>\n");
    }

    private static void card(StringBuilder h, String number, String what) {
        h.append("<div class=\"card\"><span class=\"num\">").append(esc(number)).append("</span><span class=\"what\">")
                .append(esc(what)).append("</span></div>\n");
    }

    private static void table(StringBuilder h, Campaign c) {
        long maxLines = Math.max(1, c.repos().stream().mapToLong(r -> r.insertions() + r.deletions()).max().orElse(1));
        long maxMillis = Math.max(1, c.repos().stream().mapToLong(RollupRow::durationMillis).max().orElse(1));
        h.append("<table>\n<thead><tr><th>Repository</th><th>Outcome</th><th>Tests before</th><th>Tests after</th>"
                + "<th>Patch</th><th>Time</th><th>Cost</th><th>Pull request</th><th>Rework</th></tr></thead>\n<tbody>\n");
        for (RollupRow r : c.repos()) {
            String outcome = outcome(r);
            h.append("<tr><td class=\"name\">").append(nameCell(r)).append("</td><td><span class=\"badge ")
                    .append(cssClass(outcome)).append("\">").append(esc(outcome)).append("</span>")
                    .append(r.exitCode() == null ? "" : " <span class=\"exit\">exit " + r.exitCode() + "</span>")
                    .append(r.failure() == null ? "" : "<div class=\"why\">" + esc(shorten(r.failure())) + "</div>")
                    .append("</td><td>");
            tests(h, r.testsBefore());
            h.append("</td><td>");
            tests(h, r.testsAfter());
            h.append("</td><td>");
            patch(h, r, maxLines);
            h.append("</td><td>");
            svg(h, "time " + duration(r.durationMillis()));
            rect(h, "time", 0, scale(r.durationMillis(), maxMillis), 12, duration(r.durationMillis()));
            h.append("</svg> ").append(duration(r.durationMillis())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "$%.2f", r.cost())).append("</td><td>");
            if (r.pullRequest() != null && r.pullRequest().matches("https?://[^\\s\"<>]+")) {
                h.append("<a href=\"").append(esc(r.pullRequest())).append("\">").append(r.draft() ? "draft" : "open")
                        .append("</a>");
            }
            h.append("</td><td>").append(r.rework() == null ? "" : "<span class=\"badge rework-" + cssClass(r.rework())
                    + "\">" + esc(r.rework()) + "</span>").append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** The repository's name, linked to its run's report when the bundle lies inside the rollup's folder. */
    private static String nameCell(RollupRow r) {
        String bundle = r.bundle();
        if (bundle == null || bundle.startsWith("/") || bundle.contains("..") || bundle.contains("\\")
                || bundle.contains(":") || !bundle.matches("[A-Za-z0-9._/-]+")) {
            return esc(r.name());
        }
        return "<a href=\"" + esc(bundle) + "/report.html\">" + esc(r.name()) + "</a>";
    }

    private static void tests(StringBuilder h, RollupRow.Counts counts) {
        if (counts == null || counts.total() == 0) {
            h.append("<span class=\"none\">not run</span>");
            return;
        }
        svg(h, counts.passed() + " passed, " + counts.failed() + " failed, " + counts.skipped() + " skipped");
        int passed = scale(counts.passed(), counts.total());
        int failed = scale(counts.failed(), counts.total());
        rect(h, "pass", 0, passed, 12, counts.passed() + " passed");
        rect(h, "fail", passed, failed, 12, counts.failed() + " failed");
        rect(h, "skip", passed + failed, Math.max(0, scale(counts.skipped(), counts.total())), 12, counts.skipped() + " skipped");
        h.append("</svg> ").append(counts.passed()).append('/').append(counts.total());
    }

    private static void patch(StringBuilder h, RollupRow r, long maxLines) {
        svg(h, "+" + r.insertions() + " -" + r.deletions());
        int ins = scale(r.insertions(), maxLines);
        rect(h, "ins", 0, ins, 12, "+" + r.insertions());
        rect(h, "del", ins, scale(r.deletions(), maxLines), 12, "-" + r.deletions());
        h.append("</svg> ").append(r.files()).append(" files +").append(r.insertions()).append(" −").append(r.deletions());
    }

    private static void svg(StringBuilder h, String label) {
        h.append("<svg class=\"bar\" viewBox=\"0 0 ").append(BAR).append(" 12\" width=\"").append(BAR)
                .append("\" height=\"12\" role=\"img\" aria-label=\"").append(esc(label)).append("\">");
        h.append("<rect class=\"track\" x=\"0\" y=\"0\" width=\"").append(BAR).append("\" height=\"12\"/>");
    }

    private static void rect(StringBuilder h, String cls, int x, int width, int height, String title) {
        if (width <= 0) {
            return;
        }
        h.append("<rect class=\"").append(cls).append("\" x=\"").append(x).append("\" y=\"0\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\"><title>").append(esc(title)).append("</title></rect>");
    }

    private static int scale(long value, long max) {
        return max <= 0 ? 0 : (int) Math.round((double) BAR * Math.max(0, value) / max);
    }

    static String outcome(RollupRow r) {
        if (!r.finished()) {
            return r.state();
        }
        return r.outcome() == null ? "unknown" : r.outcome().replace('_', ' ');
    }

    private static String cssClass(String outcome) {
        return outcome.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    static String duration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(ch) && ch != '\n' ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
