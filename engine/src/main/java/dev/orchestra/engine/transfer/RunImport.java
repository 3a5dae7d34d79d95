package dev.orchestra.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.trust.RunFolders;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.trust.StateSignature;
import dev.orchestra.engine.trust.TrackedFiles;
import dev.orchestra.engine.workspace.WorkingTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportBundleStream;
import org.eclipse.jgit.transport.URIish;

/**
 * Reads a {@link RunArchive} into a clone of the run's repository: checks everything first (the archive, the base
 * commit, the run key's signature, the run folder's place), so that bad input changes nothing; then fetches the
 * run's refs from the bundle and puts the run folder in place, replacing an older copy of the same run.
 */
public final class RunImport {
    /** The largest archive entry read into memory (the manifest, state.json). */
    private static final int MAX_TEXT = 64 * 1024 * 1024;

    private final WorkingTree tree;
    private final RunKey key;

    public RunImport(WorkingTree tree, RunKey key) {
        this.tree = tree;
        this.key = key;
    }

    /** What an import did: the run, and whether the clone already held exactly this state. */
    public record Outcome(RunArchive archive, boolean unchanged) {}

    /** Imports {@code file}; {@link BadInputException} (nothing changed) for an archive this clone cannot take. */
    public Outcome from(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--from " + file + ": no such file");
        }
        try (ZipFile zip = open(file)) {
            RunArchive archive = manifest(file, zip);
            String state = text(zip, RunArchive.RUN + "state.json", file);
            verify(file, archive, state);
            Path runDir = tree.dir().resolve(".orchestra").resolve("runs").resolve(archive.runId());
            if (unchanged(runDir, state, archive)) {
                return new Outcome(archive, true);
            }
            check(file, archive);
            Path staged = stage(zip, runDir, file);
            detachFromRunBranch(archive.runId());
            fetchRefs(zip, archive);
            replace(runDir, staged);
            tree.excludeRunFolders();
            return new Outcome(archive, false);
        }
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new BadInputException("--from " + file + ": not a run archive written by 'orchestra export'");
        }
    }

    private static RunArchive manifest(Path file, ZipFile zip) throws IOException {
        RunArchive archive;
        try {
            archive = Json.MAPPER.readValue(text(zip, RunArchive.MANIFEST, file), RunArchive.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("--from " + file + ": its manifest is not the JSON 'orchestra export' writes");
        }
        if (archive.format() != RunArchive.FORMAT) {
            throw new BadInputException("--from " + file + ": archive format " + archive.format() + ", this Orchestra reads "
                    + RunArchive.FORMAT + " (export and import with the same Orchestra)");
        }
        if (archive.runId() == null || !archive.runId().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
                || archive.baseCommit() == null || !ObjectId.isId(archive.baseCommit()) || archive.refs() == null) {
            throw new BadInputException("--from " + file + ": its manifest names no valid run, base commit or refs");
        }
        for (Map.Entry<String, String> ref : archive.refs().entrySet()) {
            if (!RunArchive.ownedBy(archive.runId(), ref.getKey()) || !Repository.isValidRefName(ref.getKey())
                    || !ObjectId.isId(ref.getValue())) {
                throw new BadInputException("--from " + file + ": ref " + ref.getKey() + " is not one of run "
                        + archive.runId() + "'s own");
            }
        }
        return archive;
    }

    private void verify(Path file, RunArchive archive, String state) throws IOException {
        String runId = archive.runId();
        if (!new StateSignature(key).verify(runId, state)) {
            throw new BadInputException("--from " + file + ": run " + runId + "'s state was not written with this operator's"
                    + " run key (" + key.origin() + "); export and import with the same " + RunKey.ENV);
        }
        JsonNode request = Json.MAPPER.readTree(state).path("request");
        if (!runId.equals(request.path("runId").asText()) || !archive.baseCommit().equals(request.path("baseCommit").asText())) {
            throw new BadInputException("--from " + file + ": its manifest and its state.json name different runs");
        }
    }

    private void check(Path file, RunArchive archive) throws IOException {
        String runId = archive.runId();
        if (!tree.repository().getObjectDatabase().has(ObjectId.fromString(archive.baseCommit()))) {
            throw new BadInputException("--from " + file + ": this clone lacks the run's base commit "
                    + archive.baseCommit().substring(0, 10) + "; import into a clone of the same repository, with history");
        }
        new RunFolders(tree.dir(), new TrackedFiles(tree.repository())).problem(runId).ifPresent(why -> {
            throw new BadInputException("--from " + file + ": run " + runId + " cannot be put here: " + why);
        });
        if (("orchestra/" + runId).equals(tree.currentBranch())) {
            tree.requireClean("importing run " + runId + " (its branch is checked out here)");
        }
    }

    /**
     * An older copy of the run has its branch checked out here: HEAD lets go of it (files untouched), so that its ref
     * can move; the run's resume checks the branch out again.
     */
    private void detachFromRunBranch(String runId) throws IOException {
        if (!("orchestra/" + runId).equals(tree.currentBranch())) {
            return;
        }
        RefUpdate detach = tree.repository().updateRef(Constants.HEAD, true);
        detach.setNewObjectId(ObjectId.fromString(tree.head()));
        detach.disableRefLog();
        RefUpdate.Result result = detach.forceUpdate();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE && result != RefUpdate.Result.NEW) {
            throw new IOException("cannot detach HEAD from orchestra/" + runId + ": " + result);
        }
    }

    private boolean unchanged(Path runDir, String state, RunArchive archive) throws IOException {
        Path current = runDir.resolve("state.json");
        if (!Files.isRegularFile(current) || !Files.readString(current).equals(state)) {
            return false;
        }
        for (Map.Entry<String, String> ref : archive.refs().entrySet()) {
            if (!ref.getValue().equals(tree.refCommit(ref.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The run folder's files written next to where they go, so that the swap is one rename. */
    private static Path stage(ZipFile zip, Path runDir, Path file) throws IOException {
        Path staged = runDir.getParent().resolveSibling(".import-" + runDir.getFileName());
        deleteTree(staged);
        Files.createDirectories(staged);
        for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith(RunArchive.RUN)).toList()) {
            String relative = entry.getName().substring(RunArchive.RUN.length());
            Path target = staged.resolve(relative).normalize();
            if (relative.isEmpty() || entry.isDirectory()) {
                continue;
            }
            if (!target.startsWith(staged) || relative.startsWith("/") || Arrays.asList(relative.split("/")).contains("..")) {
                deleteTree(staged);
                throw new BadInputException("--from " + file + ": entry " + entry.getName() + " leaves the run folder");
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target);
            }
        }
        return staged;
    }

    private void fetchRefs(ZipFile zip, RunArchive archive) throws IOException {
        if (archive.refs().isEmpty()) {
            return;
        }
        List<RefSpec> specs = new ArrayList<>();
        archive.refs().keySet().forEach(ref -> specs.add(new RefSpec("+" + ref + ":" + ref)));
        try (InputStream bundle = zip.getInputStream(zip.getEntry(RunArchive.BUNDLE));
             Transport transport = new TransportBundleStream(tree.repository(), new URIish().setPath(RunArchive.BUNDLE), bundle)) {
            FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE, specs);
            for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
                switch (update.getResult()) {
                    case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
                    default -> throw new IOException("cannot update " + update.getLocalName() + ": " + update.getResult());
                }
            }
        }
    }

    private static void replace(Path runDir, Path staged) throws IOException {
        Path old = runDir.getParent().resolveSibling(".replaced-" + runDir.getFileName());
        deleteTree(old);
        Files.createDirectories(runDir.getParent());
        if (Files.exists(runDir)) {
            Files.move(runDir, old);
        }
        Files.move(staged, runDir);
        deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String text(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BadInputException("--from " + file + ": not a run archive written by 'orchestra export' (no " + name + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_TEXT + 1);
            if (bytes.length > MAX_TEXT) {
                throw new BadInputException("--from " + file + ": " + name + " is larger than any run's");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
