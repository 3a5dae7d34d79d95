package dev.orchestra.engine.edit;

import dev.orchestra.engine.edit.PendingFiles.Pending;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a step's search/replace edits to a folder, all or nothing. Every edit is worked out in
 * memory first (several edits to one file apply in order, each on the result of the ones before);
 * only when all of them apply are the changed files written, and a failure while writing puts back
 * what was written. Search texts match exactly, else with whitespace normalised, else with unicode
 * normalised; at each level a search text that matches more than one place is refused, and so is
 * one whose indentation cannot be mapped onto the file's (see {@link Reindenter}) or an edit given
 * twice in one answer.
 */
public final class EditApplier {

    /** Applies {@code edits} under {@code root}, or changes nothing and says why. */
    public EditOutcome apply(Path root, List<Edit> edits) {
        PendingFiles files = new PendingFiles(root);
        List<EditFailure> failures = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            int same = edits.subList(0, i).indexOf(edits.get(i));
            Optional<EditFailure> failure = same >= 0
                    ? failure(i, edits.get(i).path(), "the same edit as edit " + (same + 1))
                    : applyOne(root, files, i, edits.get(i));
            failure.ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            return new EditOutcome(List.of(), failures);
        }
        List<Pending> changed = files.changed();
        try {
            new EditWriter(root).writeAll(changed);
        } catch (IOException | RuntimeException e) {
            return new EditOutcome(List.of(), List.of(new EditFailure(-1, "", "could not write the files: " + e, "")));
        }
        return new EditOutcome(changed.stream().map(Pending::path).toList(), List.of());
    }

    private static Optional<EditFailure> applyOne(Path root, PendingFiles files, int index, Edit edit) {
        Optional<String> pathProblem = EditPaths.problem(edit.path());
        if (pathProblem.isPresent()) {
            return failure(index, edit.path(), pathProblem.get());
        }
        String path = EditPaths.normalise(edit.path());
        Optional<String> diskProblem = EditPaths.problemOnDisk(root, path);
        if (diskProblem.isPresent()) {
            return failure(index, path, diskProblem.get());
        }
        if (edit.createsFile()) {
            if (files.exists(path)) {
                return failure(index, path, "file already exists; to change it, give a search text");
            }
            files.create(path, edit.replace() == null ? "" : edit.replace());
            return Optional.empty();
        }
        if (!files.isRegularFile(path)) {
            return failure(index, path, files.exists(path) ? "path is not a regular file" : "file does not exist");
        }
        return replace(files, index, path, edit);
    }

    private static Optional<EditFailure> replace(PendingFiles files, int index, String path, Edit edit) {
        if (edit.search().isBlank()) {
            return failure(index, path, "search text is blank");
        }
        FileText text;
        try {
            text = files.text(path);
        } catch (IOException e) {
            return failure(index, path, "cannot read the file: " + e.getMessage());
        }
        Located located = new EditLocator(text.body()).locate(edit.search(), edit.replace());
        if (located.found()) {
            files.update(path, text.withBody(located.match().applyTo(text.body())));
            return Optional.empty();
        }
        if (located.refused()) {
            int[] lines = located.lines();
            return Optional.of(new EditFailure(index, path, located.problem(),
                    ClosestLines.numbered(Lines.split(text.body()), lines[0] - 1, lines[1] - lines[0] + 1)));
        }
        if (located.ambiguous()) {
            return failure(index, path, "search text matches " + located.places().size() + " places (lines "
                    + places(located.places()) + ")");
        }
        return Optional.of(new EditFailure(index, path, "search text not found",
                ClosestLines.find(text.body(), edit.search())));
    }

    private static String places(List<Integer> lines) {
        List<String> shown = lines.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > shown.size() ? ", …" : "");
    }

    private static Optional<EditFailure> failure(int index, String path, String reason) {
        return Optional.of(new EditFailure(index, path, reason, ""));
    }
}
