package dev.orchestra.engine.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.output.ControlCharacters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Rollup rows read from run bundles ({@code bundle.json}, {@code metrics.json}, {@code publish.json}). A bundle may
 * come from another build's artifacts, so everything in it is data: read leniently, never trusted to name files.
 */
public final class BundleRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 8;

    private BundleRows() {}

    /** Every bundle folder under {@code dirs} (a bundle itself, a run folder, a repository or a campaign folder). */
    public static List<Path> find(List<Path> dirs) {
        List<Path> bundles = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException(dir + ": no such folder");
            }
            try (Stream<Path> files = Files.find(dir, MAX_DEPTH, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().equals("bundle.json"))) {
                files.map(Path::getParent).sorted().forEach(bundles::add);
            } catch (IOException e) {
                throw new BadInputException(dir + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        if (bundles.isEmpty()) {
            throw new BadInputException(dirs + ": no bundle (a folder with bundle.json) in there");
        }
        return bundles;
    }

    /** The row of the bundle in {@code bundleDir}, with the given name and source. */
    public static RollupRow read(Path bundleDir, String name, String source) {
        JsonNode bundle = read(bundleDir.resolve("bundle.json"));
        JsonNode metrics = read(bundleDir.resolve("metrics.json"));
        JsonNode published = read(bundleDir.resolve("publish.json"));
        String status = text(bundle.path("status")).toLowerCase(Locale.ROOT);
        JsonNode total = metrics.path("total");
        JsonNode patch = metrics.path("patch");
        JsonNode pull = published.path("pullRequest");
        String url = text(pull.path("url"));
        return new RollupRow(name, source, "finished", status.isEmpty() ? "unknown" : status, exitCode(status),
                nullIfEmpty(text(bundle.path("failure"))), nullIfEmpty(text(bundle.path("runId"))), bundleDir.toString(),
                counts(metrics.path("testsBefore")), counts(metrics.path("testsAfter")), patch.path("files").asInt(),
                patch.path("insertions").asInt(), patch.path("deletions").asInt(), metrics.path("totalMillis").asLong(),
                total.path("cost").asDouble(), total.path("inputTokens").asLong() + total.path("outputTokens").asLong(),
                url.matches("https?://\\S+") ? url : null, published.path("draft").asBoolean(),
                nullIfEmpty(text(metrics.path("rework").path("level"))));
    }

    /** A name for a bundle found on its own: the repository folder that holds {@code .orchestra/runs/ID/bundle}. */
    public static String nameOf(Path bundleDir) {
        Path abs = bundleDir.toAbsolutePath().normalize();
        Path runs = abs.getParent() == null ? null : abs.getParent().getParent();
        if (runs != null && runs.getFileName() != null && runs.getFileName().toString().equals("runs")
                && runs.getParent() != null && runs.getParent().getParent() != null
                && runs.getParent().getParent().getFileName() != null) {
            return runs.getParent().getParent().getFileName().toString();
        }
        Path parent = abs.getFileName() != null && abs.getFileName().toString().equals("bundle") ? abs.getParent() : abs;
        return parent == null || parent.getFileName() == null ? "bundle" : parent.getFileName().toString();
    }

    static Integer exitCode(String status) {
        return switch (status) {
            case "done" -> 0;
            case "failed", "rejected" -> 1;
            case "budget_exhausted" -> 3;
            case "escalated" -> 12;
            default -> null;
        };
    }

    private static RollupRow.Counts counts(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new RollupRow.Counts(node.path("total").asLong(), node.path("passed").asLong(),
                node.path("failed").asLong() + node.path("errors").asLong(), node.path("skipped").asLong());
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) < 64L * 1024 * 1024 ? JSON.readTree(file.toFile())
                    : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? ControlCharacters.strip(node.asText()) : "";
    }

    private static String nullIfEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
