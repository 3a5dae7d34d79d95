package dev.orchestra.engine.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Who holds a repository's run lock: written into the lock file so that whoever is refused can find the holder. */
record LockHolder(long pid, String host, String command, Instant since) {

    static LockHolder thisProcess(String command) {
        return new LockHolder(ProcessHandle.current().pid(), hostName(), command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The holder written in {@code text}, or null when the text is empty or not ours. */
    static LockHolder parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        try {
            return new LockHolder(Long.parseLong(fields.get("pid")), fields.get("host"), fields.get("command"),
                    Instant.parse(fields.get("since")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    String text() {
        return "pid=" + pid + "\nhost=" + host + "\ncommand=" + command + "\nsince=" + since + "\n";
    }

    /** {@code pid 4711 on ci-7, `run`, since 2025-06-01T09:00:00Z} */
    String describe() {
        return "pid " + pid + " on " + host + ", `" + command + "`, since " + since;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }
}
