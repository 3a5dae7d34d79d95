package dev.orchestra.engine.sandbox;

import dev.orchestra.engine.BadInputException;
import java.util.Locale;

/** Whether command agents run in a sandbox: when the machine has a usable one, always, or never. */
public enum SandboxMode {
    AUTO, REQUIRED, OFF;

    /** {@code auto}, {@code required} or {@code off}, any case; anything else is bad input naming {@code option}. */
    public static SandboxMode parse(String option, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(option + " " + text + ": must be auto, required or off");
        }
    }

    /** How users write it: {@code auto}, {@code required}, {@code off}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
