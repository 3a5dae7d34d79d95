package dev.orchestra.engine.budget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Notices a step going round in circles: the same action giving the same result again and again (the same edit
 * failing to apply the same way, the same fix leaving the same test failing). Callers pass results without
 * timings or other noise that would make identical outcomes look different.
 */
public final class LoopDetector {
    public static final int DEFAULT_REPEATS = 3;

    private final int repeats;
    private final Map<String, Integer> seen = new HashMap<>();

    public LoopDetector() {
        this(DEFAULT_REPEATS);
    }

    /** A detector that reports a loop once an action has given the same result {@code repeats} times. */
    public LoopDetector(int repeats) {
        if (repeats < 2) {
            throw new IllegalArgumentException("a loop needs at least 2 repeats, not " + repeats);
        }
        this.repeats = repeats;
    }

    /** Records that {@code action} gave {@code result}; true once that pair has been seen the set number of times. */
    public synchronized boolean repeated(String action, String result) {
        return seen.merge(fingerprint(action, result), 1, Integer::sum) >= repeats;
    }

    /** A digest, so that long results (test output, diffs) are not all kept in memory. */
    private static String fingerprint(String action, String result) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((action.length() + ":" + action).getBytes(StandardCharsets.UTF_8));
            digest.update(result.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
