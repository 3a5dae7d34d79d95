package dev.orchestra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares two bundles' patch series by what they change: the diff of each patch, not its mail
 * header (commit id, date and the run id in the trailers differ between a run and its replay).
 */
final class PatchComparison {
    private PatchComparison() {}

    /** The differences, one line each; empty when both series change the same files the same way. */
    static List<String> differences(Path originalBundle, Path replayBundle) throws IOException {
        List<Path> original = patches(originalBundle);
        List<Path> replay = patches(replayBundle);
        List<String> differences = new ArrayList<>();
        if (original.size() != replay.size()) {
            differences.add("the original has " + original.size() + " patches, the replay " + replay.size());
        }
        List<String> originalDiffs = diffs(original);
        List<String> replayDiffs = diffs(replay);
        for (int i = 0; i < original.size(); i++) {
            if (!replayDiffs.contains(originalDiffs.get(i))) {
                differences.add("the replay has no patch like " + original.get(i).getFileName());
            }
        }
        return differences;
    }

    /** Steps that ran at once may land in another order; each patch must still be there, the same. */
    private static List<String> diffs(List<Path> patches) throws IOException {
        List<String> diffs = new ArrayList<>();
        for (Path patch : patches) {
            diffs.add(diffOf(patch));
        }
        return diffs;
    }

    private static List<Path> patches(Path bundle) throws IOException {
        Path dir = bundle.resolve("patches");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".patch")).sorted().toList();
        }
    }

    private static String diffOf(Path patch) throws IOException {
        String text = Files.readString(patch);
        int start = text.indexOf("\ndiff --git ");
        int end = text.lastIndexOf("\n-- \n");
        return start < 0 ? "" : text.substring(start, end > start ? end : text.length());
    }
}
