package dev.orchestra.jenkins.process;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where an agent keeps its copy of the command-line jar: one folder per SHA-256, so a new plugin brings a new copy. */
public final class JarCache {
    private JarCache() {}

    /** The jar's path relative to the agent's root folder. */
    public static String relativePath(String sha256) {
        return "cache/orchestra/" + sha256 + "/orchestra.jar";
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
