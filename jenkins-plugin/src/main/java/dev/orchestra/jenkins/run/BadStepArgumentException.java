package dev.orchestra.jenkins.run;

/** A step argument that cannot work; the message names the argument and what is wrong with it. */
public final class BadStepArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadStepArgumentException(String message) {
        super(message);
    }
}
