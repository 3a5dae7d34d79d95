package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The private folder one Orchestra process keeps its step copies in: created under the temp folder with an
 * unpredictable name, open to its owner only (0700), and locked while the process lives. Folders that processes
 * killed before they could delete them left behind are swept when the next process starts: only real folders (never
 * symbolic links) with Orchestra's name, owned by the same user, whose lock no living process holds.
 */
public final class CopiesFolder implements AutoCloseable {
    static final String PREFIX = "orchestra-copies-";
    static final String LOCK = ".lock";
    /** A folder without a lock file is a process killed between creating it and locking it; this old, it is gone. */
    static final Duration UNLOCKED_GRACE = Duration.ofHours(1);
    /** The folders this process holds: their lock files are never opened by the sweep (closing would drop the lock). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final int swept;

    private CopiesFolder(Path dir, FileChannel channel, int swept) {
        this.dir = dir;
        this.channel = channel;
        this.swept = swept;
    }

    /** A new private folder under {@code tempRoot}, after sweeping what dead processes left there. */
    public static CopiesFolder create(Path tempRoot) {
        try {
            Path root = Files.createDirectories(tempRoot).toAbsolutePath().normalize();
            Path dir = privateFolder(root);
            HELD.add(dir);
            FileChannel channel = lock(dir);
            UserPrincipal me = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            return new CopiesFolder(dir, channel, sweep(root, me));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private folder for the step copies in " + tempRoot, e);
        }
    }

    /** Where the copies go. */
    public Path dir() {
        return dir;
    }

    /** How many folders of dead processes this one swept when it was created. */
    public int swept() {
        return swept;
    }

    /** Deletes the folder with every copy still in it, and releases its lock. */
    @Override
    public void close() {
        try {
            DirectoryDeletion.deleteTree(dir);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the step copies in " + dir, e);
        } finally {
            HELD.remove(dir);
        }
    }

    private static Path privateFolder(Path root) throws IOException {
        try {
            return Files.createTempDirectory(root, PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory(root, PREFIX); // no POSIX permissions here: the user's own temp folder
        }
    }

    /** Locks the lock file before it gets its name, so a sweep never sees it unlocked. */
    private static FileChannel lock(Path dir) throws IOException {
        Path fresh = dir.resolve(LOCK + ".new");
        FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.lock();
        channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        Files.move(fresh, dir.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
        return channel;
    }

    private static int sweep(Path tempRoot, UserPrincipal me) throws IOException {
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(tempRoot)) {
            candidates = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !HELD.contains(p)).toList();
        }
        int swept = 0;
        for (Path candidate : candidates) {
            try {
                if (ours(candidate, me) && deleteIfDead(candidate)) {
                    swept++;
                }
            } catch (IOException | RuntimeException e) {
                // another process may be sweeping it at the same time; the next run tries again
            }
        }
        return swept;
    }

    private static boolean ours(Path candidate, UserPrincipal me) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.isDirectory() && me.equals(Files.getOwner(candidate, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean deleteIfDead(Path candidate) throws IOException {
        Path lockFile = candidate.resolve(LOCK);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            Instant changed = Files.getLastModifiedTime(candidate, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (changed.isAfter(Instant.now().minus(UNLOCKED_GRACE))) {
                return false;
            }
            DirectoryDeletion.deleteTree(candidate);
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false;
            }
            DirectoryDeletion.deleteTree(candidate);
            return true;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }
}
