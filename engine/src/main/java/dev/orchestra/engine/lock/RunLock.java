package dev.orchestra.engine.lock;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One orchestra command at a time per repository: an operating-system lock on {@code .git/orchestra.lock} (inside
 * .git, so never part of the working tree), held for the life of a command that changes the repository's runs. The
 * file names the holder. The operating system drops the lock when its holder dies, even by {@code kill -9}.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE_NAME = "orchestra.lock";
    /**
     * The git folders this process holds. Checked before the file is opened: closing any channel on a locked file
     * would drop this process's lock on it (POSIX locks belong to the process, not to the channel).
     */
    private static final Map<Path, LockHolder> HELD = new ConcurrentHashMap<>();

    private final Path gitDir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path gitDir, FileChannel channel, FileLock lock) {
        this.gitDir = gitDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run lock of the repository in {@code repoDir} for {@code command} ({@code run}, {@code resume});
     * throws a {@link BadInputException} naming the holder when another process, or this one, already has it.
     */
    public static RunLock acquire(Path repoDir, String command) {
        Path gitDir = GitFolder.of(repoDir);
        LockHolder me = LockHolder.thisProcess(command);
        LockHolder already = HELD.putIfAbsent(gitDir, me);
        if (already != null) {
            throw busy(already);
        }
        try {
            return lock(gitDir, me);
        } catch (RuntimeException e) {
            HELD.remove(gitDir, me);
            throw e;
        }
    }

    /** True while this process holds the run lock of the repository whose git folder is {@code gitDir}. */
    public static boolean heldHere(Path gitDir) {
        return HELD.containsKey(GitFolder.real(gitDir));
    }

    /** The lock file: {@code .git/orchestra.lock}. */
    public Path file() {
        return gitDir.resolve(FILE_NAME);
    }

    /** Releases the lock; the file stays, empty, so that no other process can lock a file about to vanish. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("releasing " + file() + ": " + e.getMessage(), e);
        } finally {
            HELD.remove(gitDir);
        }
    }

    private static RunLock lock(Path gitDir, LockHolder me) {
        Path file = gitDir.resolve(FILE_NAME);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String text = read(channel);
                channel.close();
                throw busy(LockHolder.parse(text));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunLock(gitDir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("locking " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static BadInputException busy(LockHolder holder) {
        String who = holder == null ? "" : " (" + holder.describe() + ")";
        return new BadInputException("another orchestra process" + who
                + " is working on this repository; wait for it or stop it");
    }
}
