package dev.orchestra.jenkins.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The command-line jar's copy next to a workspace (in its {@code @tmp} folder, which containers see too): one file per
 * SHA-256, {@code orchestra-<sha-256>.jar}, published by an atomic rename that replaces a copy another step published
 * first, and older versions removed.
 */
public final class JarCache {
    /** The folder under the workspace's temporary folder. */
    public static final String FOLDER = "orchestra-cli";
    /** A partial copy older than this was left by a killed step and is removed. */
    static final Duration STALE_PARTIAL = Duration.ofHours(1);

    private JarCache() {}

    /** The jar's file name for a SHA-256. */
    public static String fileName(String sha256) {
        return "orchestra-" + sha256 + ".jar";
    }

    /** The name of a partial copy: unique to one step, so that two steps never write the same file. */
    public static String partialName(String sha256, String unique) {
        return fileName(sha256) + "." + unique + ".partial";
    }

    /**
     * Moves a complete partial copy to its final name (replacing one another step published meanwhile: both are the
     * same bytes), then removes the other versions' jars and stale partial copies. Runs on the agent.
     *
     * @return the published jar
     */
    public static Path publish(Path partial, String sha256, Instant now) throws IOException {
        Path folder = partial.getParent();
        Path target = folder.resolve(fileName(sha256));
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        prune(folder, target, now);
        return target;
    }

    private static void prune(Path folder, Path keep, Instant now) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "orchestra-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    boolean oldVersion = name.endsWith(".jar") && !file.equals(keep);
                    boolean stalePartial = name.endsWith(".partial")
                            && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(STALE_PARTIAL));
                    if (oldVersion || stalePartial) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // another step published or removed it between the listing and now: nothing left to prune
                }
            }
        }
    }

    /** The SHA-256 of a stream, in lower-case hex. */
    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
