package dev.orchestra.engine.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** Unified diffs between two commits of the repository, and a fingerprint that ignores blob ids. */
final class Diffs {
    private Diffs() {}

    static String between(Repository repo, String from, String to) {
        try (RevWalk walk = new RevWalk(repo); ByteArrayOutputStream out = new ByteArrayOutputStream();
             DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repo);
            formatter.format(walk.parseCommit(ObjectId.fromString(from)).getTree(),
                    walk.parseCommit(ObjectId.fromString(to)).getTree());
            formatter.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot diff " + from + " and " + to, e);
        }
    }

    static String cut(String diff, int maxChars) {
        return diff.length() <= maxChars ? diff : diff.substring(0, maxChars) + "\n… (" + (diff.length() - maxChars) + " more characters)";
    }

    /** The same change gives the same fingerprint, whatever commit it sits on. */
    static String fingerprint(String diff) {
        String content = diff.lines().filter(line -> !line.startsWith("index ") && !line.startsWith("@@"))
                .collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
