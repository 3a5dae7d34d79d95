package dev.orchestra.engine.forge;

/** The forge could not be reached, or failed on its side (5xx, an answer that is not what its API documents): exit 1. */
public final class ForgeFailure extends RuntimeException {
    public ForgeFailure(String message) {
        super(message);
    }

    public ForgeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
