package dev.orchestra.engine.state;

import dev.orchestra.engine.BadInputException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.jgit.lib.Repository;

/** Run ids: new ones from the time, and the checks a user-given one must pass (it names a folder and a branch). */
public final class RunIds {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    /** A new run id: UTC time plus a random suffix, e.g. {@code 20261123-170512-3fa2}. */
    public static String newId(Instant now) {
        return ID_TIME.format(now) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }

    /**
     * Checks a user-given run id: it names a folder and a branch ({@code orchestra/<id>}), so only letters, digits,
     * '-', '_' and '.', and nothing git refuses in a ref name ({@code ..}, a trailing {@code .lock} or '.').
     */
    public static String check(String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new BadInputException("--run-id '" + runId + "': use 1-64 letters, digits, '.', '-' or '_'");
        }
        if (!Repository.isValidRefName("refs/heads/orchestra/" + runId)) {
            throw new BadInputException("--run-id '" + runId + "': git refuses it in a branch name (orchestra/" + runId
                    + "); leave out '..', a trailing '.lock' and a trailing '.'");
        }
        return runId;
    }
}
