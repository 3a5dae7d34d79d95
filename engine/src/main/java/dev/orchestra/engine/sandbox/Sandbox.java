package dev.orchestra.engine.sandbox;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where command agents run: inside bubblewrap (the step's copy writable, the rest of the file system read-only, a
 * private {@code /tmp}, no network unless the step asks for it, the environment exactly as given), or, with
 * {@code off} or when {@code auto} finds no usable sandbox, as plain processes.
 */
public final class Sandbox {
    private final SandboxMode mode;
    private final Path bwrap;
    private final String unavailable;
    private final List<Path> hidden;

    private Sandbox(SandboxMode mode, Path bwrap, String unavailable, List<Path> hidden) {
        this.mode = mode;
        this.bwrap = bwrap;
        this.unavailable = unavailable;
        this.hidden = List.copyOf(hidden);
    }

    private Sandbox(SandboxMode mode, Path bwrap, String unavailable) {
        this(mode, bwrap, unavailable, List.of());
    }

    /**
     * The same sandbox with {@code folders} replaced by empty ones inside it (e.g. the operator's {@code ~/.orchestra},
     * which holds the run key and the home config): a sandboxed command cannot read them.
     */
    public Sandbox hiding(List<Path> folders) {
        return new Sandbox(mode, bwrap, unavailable, folders);
    }

    /** No sandbox: command agents run as plain processes. */
    public static Sandbox off() {
        return new Sandbox(SandboxMode.OFF, null, null);
    }

    /**
     * The sandbox {@code mode} asks for, from the {@code bwrap} on {@code env}'s {@code PATH}, tried for real;
     * {@code required} without a usable one is bad input, so a run refuses to start before it changes anything.
     */
    public static Sandbox choose(SandboxMode mode, Map<String, String> env) {
        if (mode == SandboxMode.OFF) {
            return off();
        }
        Optional<Path> found = Bubblewrap.find(env.get("PATH"));
        String problem = found.isEmpty() ? "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)"
                : Bubblewrap.probe(found.get()).problem();
        if (problem == null) {
            return new Sandbox(mode, found.get(), null);
        }
        if (mode == SandboxMode.REQUIRED) {
            throw new BadInputException("--sandbox required: " + problem);
        }
        return new Sandbox(mode, null, problem);
    }

    public SandboxMode mode() {
        return mode;
    }

    /** True when command agents run inside the sandbox. */
    public boolean inEffect() {
        return bwrap != null;
    }

    /** Why the sandbox the mode asked for is not in effect; null when it is, or with {@code off}. */
    public String unavailable() {
        return unavailable;
    }

    /**
     * The command line to put in front of a command that may write only {@code folder} (and, with {@code network},
     * reach the network); empty when no sandbox is in effect.
     */
    public List<String> prefix(Path folder, boolean network) {
        return bwrap == null ? List.of() : Bubblewrap.prefix(bwrap, folder, network, hidden);
    }

    /** What the run records: the mode, whether it was in effect, and why not. */
    public SandboxUse use() {
        return new SandboxUse(mode.word(), inEffect(), inEffect() ? "bubblewrap" : null, unavailable);
    }
}
