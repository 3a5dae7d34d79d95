package dev.orchestra.engine.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Signs a run's {@code state.json} with the operator's {@link RunKey}: the signature is the JSON object's last field,
 * {@code "orchestraSignature"}, an HMAC of everything before it and of the run id, so the file stays plain JSON, is
 * written in one atomic rename, and cannot be moved to another run's folder.
 */
public final class StateSignature {
    static final String FIELD = "orchestraSignature";
    private static final String BEFORE = ",\n  \"" + FIELD + "\" : \"";
    private static final String AFTER = "\"\n}\n";
    private static final int HEX = 64;

    private final RunKey key;

    public StateSignature(RunKey key) {
        this.key = key;
    }

    /** {@code json} (one JSON object, as the engine's mapper writes it) with the signature added as its last field. */
    public String sign(String runId, String json) {
        String body = json.stripTrailing();
        if (!body.endsWith("}") || body.length() < 3) {
            throw new IllegalArgumentException("not a JSON object with fields");
        }
        String open = body.substring(0, body.length() - 1).stripTrailing();
        return open + BEFORE + key.mac(material(runId, open)) + AFTER;
    }

    /** True when {@code text} is what {@link #sign} wrote for {@code runId} under this key. */
    public boolean verify(String runId, String text) {
        int at = text.lastIndexOf(BEFORE);
        if (at < 0 || text.length() != at + BEFORE.length() + HEX + AFTER.length() || !text.endsWith(AFTER)) {
            return false;
        }
        String given = text.substring(at + BEFORE.length(), at + BEFORE.length() + HEX);
        String expected = key.mac(material(runId, text.substring(0, at)));
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String material(String runId, String open) {
        return "orchestra run state v1\u0000" + runId + "\u0000" + open;
    }
}
