package dev.orchestra.engine.lock;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Path;

/**
 * A separate orchestra-like process for the lock tests: takes the run lock of the repository named by its first
 * argument, says {@code locked} and sleeps until killed; or, refused, prints the refusal and exits 2.
 */
public final class HoldRunLock {
    private HoldRunLock() {}

    public static void main(String[] args) throws InterruptedException {
        try {
            RunLock.acquire(Path.of(args[0]), args[1]);
        } catch (BadInputException e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
