package dev.orchestra.engine.bundle;

import dev.orchestra.engine.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes the commits {@code base..head} (a linear history, one commit per plan step) as a
 * {@code git format-patch} mbox series: {@code 0001-<slug>.patch}, ... that {@code git am} applies on base.
 */
public final class PatchSeries {
    private final Repository repo;

    public PatchSeries(Repository repo) {
        this.repo = repo;
    }

    /** Writes one patch file per commit into {@code folder}; returns them in order (empty when head is base). */
    public List<Path> write(String base, String head, Path folder) throws IOException {
        List<RevCommit> commits = commits(base, head);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            RevCommit commit = commits.get(i);
            Path file = folder.resolve(String.format("%04d-%s.patch", i + 1, slug(commit.getShortMessage())));
            Files.write(file, patch(commit, i + 1, commits.size()));
            written.add(file);
        }
        return written;
    }

    /** The commits after base up to head, oldest first; refuses merges and a base that is not an ancestor. */
    List<RevCommit> commits(String base, String head) throws IOException {
        ObjectId baseId = resolve(base);
        ObjectId headId = resolve(head);
        List<RevCommit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(headId));
            walk.markUninteresting(walk.parseCommit(baseId));
            for (RevCommit commit : walk) {
                if (commit.getParentCount() != 1) {
                    throw new BadInputException("commit " + commit.name() + ": a patch series needs ordinary commits,"
                            + " not a merge or a root commit");
                }
                commits.add(commit);
            }
        }
        if (!commits.isEmpty() && !commits.get(0).getParent(0).equals(baseId)) {
            throw new BadInputException("base " + base + ": not an ancestor of " + head);
        }
        return commits;
    }

    private ObjectId resolve(String revision) throws IOException {
        ObjectId id = revision == null ? null : repo.resolve(revision + "^{commit}");
        if (id == null) {
            throw new BadInputException("commit " + revision + ": not found in " + repo.getDirectory());
        }
        return id;
    }

    private byte[] patch(RevCommit commit, int number, int total) throws IOException {
        ByteArrayOutputStream diff = new ByteArrayOutputStream();
        String stat;
        try (DiffFormatter formatter = new DiffFormatter(diff)) {
            formatter.setRepository(repo);
            formatter.setAbbreviationLength(Constants.OBJECT_ID_STRING_LENGTH);
            List<DiffEntry> entries = formatter.scan(commit.getParent(0).getTree(), commit.getTree());
            stat = DiffStat.of(formatter, entries).render();
            formatter.format(entries);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MailHeaders.of(commit, number, total).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("---\n" + stat + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(diff.toByteArray());
        out.writeBytes("-- \nOrchestra\n\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A file-name slug of a subject, like git's: lowercase, runs of other characters as one '-', at most 52. */
    static String slug(String subject) {
        String slug = subject.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > 52) {
            slug = slug.substring(0, 52).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "patch" : slug;
    }
}
