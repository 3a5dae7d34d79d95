package dev.orchestra.engine.bundle;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.orchestra.engine.bundle.BundleManifest.StepEntry;
import dev.orchestra.engine.metrics.RunMetrics;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.validate.TestComparison;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html} and {@code report.css} into a bundle: the plan, each step's diff, tests,
 * notes, gates and metrics. Static and CSP-safe: no scripts, no inline styles, every value escaped.
 */
public final class ReportRenderer {
    private static final String RESOURCES = "/dev/orchestra/engine/bundle/";
    private static final int MAX_DIFF_LINES = 3000;

    /** Renders the report of {@code manifest} into {@code bundleDir}, whose {@code patches/} it shows. */
    public void render(BundleManifest manifest, RunMetrics metrics, Path bundleDir) throws IOException {
        Template template;
        try (Reader reader = resource("report.html.mustache")) {
            template = Mustache.compiler().nullValue("").emptyStringIsFalse(true).compile(reader);
        }
        Files.writeString(bundleDir.resolve("report.html"), template.execute(view(manifest, metrics, bundleDir)));
        try (InputStream css = ReportRenderer.class.getResourceAsStream(RESOURCES + "report.css")) {
            Files.write(bundleDir.resolve("report.css"), css.readAllBytes());
        }
    }

    private static Reader resource(String name) {
        return new InputStreamReader(ReportRenderer.class.getResourceAsStream(RESOURCES + name), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> view(BundleManifest m, RunMetrics metrics, Path bundleDir) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", m);
        view.put("steps", m.steps().stream().map(s -> step(s, bundleDir)).toList());
        view.put("before", SummaryWriter.counts(m.tests().before()));
        view.put("after", SummaryWriter.counts(m.tests().after()));
        view.put("comparison", comparison(m.tests().comparison()));
        view.put("notes", m.steps().stream().flatMap(s -> s.notes().stream().map(n -> Map.of(
                "step", s.id(), "severity", n.severity(), "where", SummaryWriter.where(n),
                "message", n.message()))).toList());
        view.put("gates", m.gates());
        view.put("hasRefusals", m.refusals() != null && !m.refusals().isEmpty());
        view.put("hasLeftovers", m.leftovers() != null && !m.leftovers().isEmpty());
        view.put("risks", RiskList.of(m, metrics));
        view.put("notDone", RiskList.notDone(m));
        view.put("metrics", MetricRows.of(metrics).stream().map(r -> Map.of("name", r.get(0), "value", r.get(1))).toList());
        return view;
    }

    private static Map<String, Object> step(StepEntry step, Path bundleDir) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("step", step);
        view.put("statusClass", "status-" + step.status().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        List<Map<String, String>> diff = step.patch() == null ? List.of() : diffLines(bundleDir.resolve(step.patch()));
        view.put("diff", diff);
        view.put("hasDiff", !diff.isEmpty());
        view.put("hasFiles", !step.files().isEmpty());
        return view;
    }

    /** The patch's lines with a CSS class each: added, removed, hunk header, file header or context. */
    static List<Map<String, String>> diffLines(Path patch) {
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(patch), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> view = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_DIFF_LINES))) {
            view.add(Map.of("cls", lineClass(line), "text", ControlCharacters.strip(line) + "\n"));
        }
        if (lines.size() > MAX_DIFF_LINES) {
            view.add(Map.of("cls", "meta", "text", "... " + (lines.size() - MAX_DIFF_LINES)
                    + " more lines in " + patch.getFileName() + "\n"));
        }
        return view;
    }

    private static String lineClass(String line) {
        if (line.startsWith("+++ ") || line.startsWith("--- ") || line.startsWith("diff --git ")) {
            return "file";
        }
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+")) {
            return "add";
        }
        if (line.startsWith("-") && !line.equals("---") && !line.equals("-- ")) {
            return "del";
        }
        return "ctx";
    }

    private static List<Map<String, Object>> comparison(TestComparison c) {
        if (c == null) {
            return List.of();
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        group(groups, "Newly failing", "bad", c.newlyFailing());
        group(groups, "Newly passing", "good", c.newlyPassing());
        group(groups, "Still failing", "bad", c.stillFailing());
        group(groups, "Not run any more", "warn", c.notRun());
        group(groups, "Added", "good", c.added());
        return groups;
    }

    private static void group(List<Map<String, Object>> groups, String title, String cls, List<String> ids) {
        if (!ids.isEmpty()) {
            groups.add(Map.of("title", title, "cls", cls, "count", ids.size(), "ids", ids));
        }
    }
}
