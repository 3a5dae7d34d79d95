package dev.orchestra.engine.policy;

import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.policy.Refusal.Rule;
import java.util.Optional;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** What a file's new content may not be: binary, or carrying a secret in the lines the patch adds. */
final class ContentChecks {
    private static final int BINARY_PROBE = 8000;

    private final SecretRedactor secrets;

    ContentChecks(SecretRedactor secrets) {
        this.secrets = secrets;
    }

    /** The refusal for the new content of {@code path}, given what it held before ({@code old} null when added). */
    Optional<Refusal> check(String path, byte[] old, byte[] content) {
        if (isBinary(content)) {
            return Optional.of(new Refusal(path, Rule.BINARY, "binary content (patches carry text only)"));
        }
        RawText before = new RawText(old == null || isBinary(old) ? new byte[0] : old);
        RawText after = new RawText(content);
        for (Edit edit : new HistogramDiff().diff(RawTextComparator.DEFAULT, before, after)) {
            Optional<Refusal> found = secretIn(path, after, edit.getBeginB(), edit.getEndB());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static boolean isBinary(byte[] content) {
        int probe = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return RawText.isBinary(content);
    }

    /** The added block as a whole, so that a secret split over two added lines is found too. */
    private Optional<Refusal> secretIn(String path, RawText text, int begin, int end) {
        if (begin >= end) {
            return Optional.empty();
        }
        Optional<String> what = secrets.find(text.getString(begin, end, false));
        if (what.isEmpty()) {
            return Optional.empty();
        }
        int line = begin;
        while (line < end - 1 && secrets.find(text.getString(begin, line + 1, false)).isEmpty()) {
            line++;
        }
        return Optional.of(new Refusal(path, Rule.SECRET, "line " + (line + 1) + " adds what looks like a secret ("
                + what.get() + ")"));
    }
}
