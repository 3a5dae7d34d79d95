package dev.orchestra.engine.transfer;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.BundleWriter;

/** Writes a {@link RunArchive}: the run folder as it is on disk and a git bundle of the run's refs. */
public final class RunExport {
    private final Repository repository;
    private final Path runDir;

    /** @param runDir the run's folder ({@code .orchestra/runs/<run-id>}), whose state the caller has loaded */
    public RunExport(Repository repository, Path runDir) {
        this.repository = repository;
        this.runDir = runDir;
    }

    /** Writes the archive of run {@code runId}, started from {@code baseCommit}, to {@code target}, atomically. */
    public RunArchive writeTo(String runId, String baseCommit, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new BadInputException("--to " + target + ": the folder " + parent + " does not exist");
        }
        if (target.toAbsolutePath().normalize().startsWith(runDir.toAbsolutePath().normalize())) {
            throw new BadInputException("--to " + target + ": inside the run's own folder; write it elsewhere");
        }
        RunArchive archive = new RunArchive(RunArchive.FORMAT, runId, baseCommit, refs(runId));
        Path temp = parent.resolve(target.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(RunArchive.MANIFEST));
            zip.write(Json.MAPPER.writeValueAsBytes(archive));
            zip.putNextEntry(new ZipEntry(RunArchive.BUNDLE));
            bundle(archive, zip);
            for (Path file1 : runFiles()) {
                zip.putNextEntry(new ZipEntry(RunArchive.RUN + runDir.relativize(file1).toString().replace('\\', '/')));
                Files.copy(file1, zip);
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return archive;
    }

    private Map<String, String> refs(String runId) throws IOException {
        Map<String, String> refs = new TreeMap<>();
        for (String prefix : RunArchive.refPrefixes(runId)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                if (RunArchive.ownedBy(runId, ref.getName()) && ref.getObjectId() != null) {
                    refs.put(ref.getName(), ref.getObjectId().name());
                }
            }
        }
        return refs;
    }

    private void bundle(RunArchive archive, OutputStream out) throws IOException {
        BundleWriter writer = new BundleWriter(repository);
        archive.refs().forEach((name, id) -> writer.include(name, ObjectId.fromString(id)));
        try (RevWalk walk = new RevWalk(repository)) {
            writer.assume(walk.parseCommit(ObjectId.fromString(archive.baseCommit())));
        }
        writer.writeBundle(NullProgressMonitor.INSTANCE, new NonClosing(out));
    }

    /** Regular files of the run folder (no links: a run folder holds none, and none is carried). */
    private List<Path> runFiles() throws IOException {
        try (Stream<Path> files = Files.walk(runDir)) {
            return files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !f.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }

    /** The bundle writer closes its stream; the zip goes on after it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
