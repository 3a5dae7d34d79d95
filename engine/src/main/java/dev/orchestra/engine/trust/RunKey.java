package dev.orchestra.engine.trust;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's secret that signs run state: {@code $ORCHESTRA_RUN_KEY} when set, else {@code ~/.orchestra/run-key}
 * (created on first use, readable by its owner only). Nothing in a repository can hold it, so a run folder the
 * repository brought cannot carry a valid signature.
 */
public final class RunKey {
    /** The environment variable that overrides the key file, e.g. for Jenkins agents that share runs. */
    public static final String ENV = "ORCHESTRA_RUN_KEY";
    static final String FILE_NAME = "run-key";
    static final int MIN_LENGTH = 32;

    private final String origin;
    private final Path file;
    private byte[] secret;

    private RunKey(String origin, Path file, byte[] secret) {
        this.origin = origin;
        this.file = file;
        this.secret = secret;
    }

    /** The key of the operator whose home folder is {@code home}; {@code env} may override it. Read on first use. */
    public static RunKey forOperator(Path home, Map<String, String> env) {
        String value = env.get(ENV);
        if (value != null) {
            if (value.strip().length() < MIN_LENGTH) {
                throw new BadInputException(ENV + " is set but shorter than " + MIN_LENGTH + " characters; use a long random value");
            }
            return new RunKey(ENV, null, value.strip().getBytes(StandardCharsets.UTF_8));
        }
        Path file = home.resolve(".orchestra").resolve(FILE_NAME);
        return new RunKey(file.toString(), file, null);
    }

    /** A key given as bytes (embedding and tests). */
    public static RunKey of(byte[] secret) {
        return new RunKey("a given key", null, secret.clone());
    }

    /** Where the key comes from: {@code ORCHESTRA_RUN_KEY} or the key file's path. */
    public String origin() {
        return origin;
    }

    /** HMAC-SHA256 of {@code text} under this key, in hex. */
    public String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java", e);
        }
    }

    private synchronized byte[] secret() {
        if (secret == null) {
            try {
                secret = KeyFile.readOrCreate(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the run key " + file + " (" + e.getMessage()
                        + "); or set " + ENV, e);
            }
        }
        return secret;
    }

    /** The key file: 32 random bytes in hex, mode 0600, in a folder created 0700. */
    static final class KeyFile {
        private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

        private KeyFile() {}

        static byte[] readOrCreate(Path file) throws IOException {
            if (!Files.exists(file)) {
                create(file);
            }
            requireOwnerOnly(file);
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.length() < MIN_LENGTH) {
                throw new BadInputException(file + ": the run key is shorter than " + MIN_LENGTH
                        + " characters; delete the file and Orchestra writes a new one (runs it signed are then refused)");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static void create(Path file) throws IOException {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                posix(dir, PosixFilePermissions.fromString("rwx------"));
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                posix(temp, OWNER_ONLY);
                Files.writeString(temp, HexFormat.of().formatHex(random) + "\n");
                publish(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /** Puts the new key in place unless another process did first (then that one is the key). */
        private static void publish(Path temp, Path file) throws IOException {
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // another orchestra process created it at the same moment: use theirs
            } catch (UnsupportedOperationException e) {
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException again) {
                    // as above
                }
            }
        }

        private static void requireOwnerOnly(Path file) throws IOException {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new BadInputException(file + " can be read by other users (" + PosixFilePermissions.toString(permissions)
                        + "); make it private with: chmod 600 " + file);
            }
        }

        private static void posix(Path path, Set<PosixFilePermission> permissions) throws IOException {
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }
}
