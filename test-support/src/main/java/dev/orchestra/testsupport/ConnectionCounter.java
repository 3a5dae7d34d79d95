package dev.orchestra.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the connections a loopback server accepts, for tests that prove a command reached no network. */
public final class ConnectionCounter {
    private ConnectionCounter() {}

    /** Accepts every connection to {@code server} on a daemon thread until it closes; the count so far. */
    public static AtomicInteger count(ServerSocket server) {
        AtomicInteger count = new AtomicInteger();
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    count.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        return count;
    }
}
