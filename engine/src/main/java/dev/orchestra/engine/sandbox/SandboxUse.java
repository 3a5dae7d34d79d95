package dev.orchestra.engine.sandbox;

/**
 * What a run records about its sandbox (in {@code state.json} and {@code bundle.json}).
 *
 * @param mode {@code auto}, {@code required} or {@code off}, as asked for when the run started
 * @param inEffect true when every command step of the run ran inside the sandbox
 * @param tool the sandbox used ({@code bubblewrap}), or null
 * @param unavailable why the sandbox was not in effect, when the mode asked for one; otherwise null
 */
public record SandboxUse(String mode, boolean inEffect, String tool, String unavailable) {

    /** This use after a later process of the same run used {@code now}: in effect only if it was every time. */
    public SandboxUse and(SandboxUse now) {
        boolean both = inEffect && now.inEffect();
        return new SandboxUse(mode, both, both ? tool : null, unavailable != null ? unavailable : now.unavailable());
    }
}
