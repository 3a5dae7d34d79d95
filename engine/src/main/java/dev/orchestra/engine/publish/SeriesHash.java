package dev.orchestra.engine.publish;

import dev.orchestra.engine.bundle.PatchSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * The SHA-256 of a patch series exactly as the bundle holds it ({@code git format-patch} files of base..head, in
 * order): what the pr gate shows and what an approval there is bound to.
 */
public final class SeriesHash {
    private SeriesHash() {}

    /** The hash and the number of patches of {@code base..head}. */
    public record Hash(String sha256, int patches) {
        /** The first 12 hex digits, as the gate shows them. */
        public String brief() {
            return sha256.substring(0, 12);
        }
    }

    public static Hash of(Repository repo, String base, String head) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("orchestra-series");
            List<Path> patches = new PatchSeries(repo).write(base, head, folder);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path patch : patches) {
                digest.update(Files.readAllBytes(patch));
            }
            return new Hash(HexFormat.of().formatHex(digest.digest()), patches.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the patch series " + base + ".." + head, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
